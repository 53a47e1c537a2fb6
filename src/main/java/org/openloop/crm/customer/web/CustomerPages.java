package org.openloop.crm.customer.web;

import java.io.IOException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.customer.CompanySize;
import org.openloop.crm.customer.ContactView;
import org.openloop.crm.customer.CustomerLevel;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.customer.CustomerSource;
import org.openloop.crm.customer.CustomerType;
import org.openloop.crm.customer.CustomerView;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.platform.web.FormErrors;
import org.openloop.crm.platform.web.ListLinks;
import org.openloop.crm.platform.web.Permissions;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Customer and contact pages (B1, B2, B7): list, detail with contacts and history, forms, transfer, archive. */
@Controller
class CustomerPages {

    /** One option of a select. */
    record Option(String value, String label) {
    }

    private final CustomerManagement customers;
    private final OrganizationManagement organization;
    private final MessageSource messages;
    private final ZoneId zone;

    CustomerPages(CustomerManagement customers, OrganizationManagement organization, MessageSource messages,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.customers = customers;
        this.organization = organization;
        this.messages = messages;
        this.zone = zone;
    }

    // --- customers ---------------------------------------------------------------------------------------------

    @GetMapping("/customers")
    String list(@RequestParam Map<String, String> parameters,
            @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request,
            Model model) {
        CursorPage<CustomerView> page = customers.customers(ListRequest.from(parameters));
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of(request));
        if (htmx != null) {
            return "customer/customers :: rows";
        }
        addChoices(model);
        return "customer/customers";
    }

    @GetMapping("/customers/export")
    void export(@RequestParam(defaultValue = "xlsx") String format, @RequestParam Map<String, String> parameters,
            HttpServletResponse response) throws IOException {
        List<String> headers = CustomerApiController.EXPORT_HEADERS.stream()
                .map(h -> message("customer.field." + h)).toList();
        customers.export(ListRequest.from(parameters), Exports.Format.of(format), headers, this::localisedRow, zone,
                response);
    }

    private List<?> localisedRow(CustomerView c) {
        return Arrays.asList(c.number(), c.name(), c.industry(), label("customer.size.", c.size()),
                label("customer.type.", c.type()), label("customer.level.", c.level()),
                label("customer.source.", c.source()), label("customer.activity.", c.activity()), c.phone(),
                c.email(), c.website(), c.address(), c.ownerName(),
                message(c.archived() ? "common.yes" : "common.no"), c.createdAt());
    }

    @GetMapping("/customers/{id}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("customer", customers.customer(id));
        model.addAttribute("assignees", organization.activeUsers().stream()
                .map(u -> new Option(u.id().toString(), u.displayName() + " (" + u.username() + ")")).toList());
        return "customer/customer";
    }

    @GetMapping("/customers/{id}/contacts")
    String contactsOf(@PathVariable UUID id, Model model) {
        model.addAttribute("customer", customers.customer(id));
        model.addAttribute("contacts", customers.contactsOf(id));
        return "customer/contacts-panel :: panel";
    }

    @GetMapping("/customers/{id}/history")
    String history(@PathVariable UUID id, @RequestParam Map<String, String> parameters, HttpServletRequest request,
            Model model) {
        model.addAttribute("history", customers.history(id, ListRequest.from(parameters)));
        model.addAttribute("links", ListLinks.of(request));
        return parameters.containsKey("cursor") ? "audit/history :: rows" : "audit/history :: history";
    }

    @GetMapping("/customers/new")
    String createForm(Model model) {
        Permissions.require("customer", "create");
        return form(new CustomerForm(), null, model);
    }

    @PostMapping("/customers/new")
    String create(@Validated @ModelAttribute("form") CustomerForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Permissions.require("customer", "create");
        if (result.hasErrors()) {
            return form(form, null, model);
        }
        try {
            CustomerView created = customers.create(form.toDraft());
            redirect.addFlashAttribute("flashSuccess", message("customer.created", created.name(), created.number()));
            return "redirect:/customers/" + created.id();
        }
        catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
            return form(form, null, model);
        }
    }

    @GetMapping("/customers/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        Permissions.require("customer", "edit");
        CustomerView customer = customers.customer(id);
        return form(CustomerForm.of(customer), customer, model);
    }

    @PostMapping("/customers/{id}/edit")
    String update(@PathVariable UUID id, @Validated @ModelAttribute("form") CustomerForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Permissions.require("customer", "edit");
        CustomerView customer = customers.customer(id);
        if (result.hasErrors()) {
            return form(form, customer, model);
        }
        try {
            CustomerView updated = customers.update(id, form.toDraft(), false);
            redirect.addFlashAttribute("flashSuccess", message("customer.saved", updated.name()));
            return "redirect:/customers/" + id;
        }
        catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
        }
        catch (VersionConflictException | ObjectOptimisticLockingFailureException e) {
            FormErrors.rejectVersionConflict(result);
        }
        return form(form, customer, model);
    }

    @PostMapping("/customers/{id}/transfer")
    String transfer(@PathVariable UUID id, @RequestParam(required = false) UUID assigneeId,
            RedirectAttributes redirect) {
        try {
            CustomerView customer = customers.transfer(id, assigneeId);
            redirect.addFlashAttribute("flashSuccess",
                    message("customer.transferred", customer.name(), customer.ownerName()));
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        return "redirect:/customers/" + id;
    }

    @PostMapping("/customers/{id}/archive")
    String archive(@PathVariable UUID id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            CustomerView customer = customers.archive(id, reason);
            redirect.addFlashAttribute("flashSuccess", message("customer.archived", customer.name()));
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        return "redirect:/customers/" + id;
    }

    @PostMapping("/customers/{id}/reactivate")
    String reactivate(@PathVariable UUID id, RedirectAttributes redirect) {
        CustomerView customer = customers.reactivate(id);
        redirect.addFlashAttribute("flashSuccess", message("customer.reactivated", customer.name()));
        return "redirect:/customers/" + id;
    }

    private String form(CustomerForm form, CustomerView customer, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("customer", customer);
        addChoices(model);
        return "customer/customer-form";
    }

    private void addChoices(Model model) {
        model.addAttribute("types", options("customer.type.", CustomerType.values()));
        model.addAttribute("levels", options("customer.level.", CustomerLevel.values()));
        model.addAttribute("sources", options("customer.source.", CustomerSource.values()));
        model.addAttribute("sizes", options("customer.size.", CompanySize.values()));
        model.addAttribute("activities", options("customer.activity.",
                org.openloop.crm.customer.ActivityState.values()));
    }

    // --- contacts ----------------------------------------------------------------------------------------------

    @GetMapping("/contacts")
    String contacts(@RequestParam Map<String, String> parameters,
            @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request,
            Model model) {
        model.addAttribute("page", customers.contacts(ListRequest.from(parameters)));
        model.addAttribute("links", ListLinks.of(request));
        return htmx != null ? "customer/contacts :: rows" : "customer/contacts";
    }

    @GetMapping("/customers/{customerId}/contacts/new")
    String newContact(@PathVariable UUID customerId, Model model) {
        Permissions.require("contact", "create");
        return contactForm(new ContactForm(), customers.customer(customerId), null, model);
    }

    @PostMapping("/customers/{customerId}/contacts/new")
    String createContact(@PathVariable UUID customerId, @Validated @ModelAttribute("form") ContactForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Permissions.require("contact", "create");
        CustomerView customer = customers.customer(customerId);
        if (result.hasErrors()) {
            return contactForm(form, customer, null, model);
        }
        try {
            ContactView created = customers.createContact(form.toDraft(customerId));
            redirect.addFlashAttribute("flashSuccess", message("contact.created", created.name()));
            return "redirect:/customers/" + customerId + "#contacts";
        }
        catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
            return contactForm(form, customer, null, model);
        }
    }

    @GetMapping("/contacts/{id}/edit")
    String editContact(@PathVariable UUID id, Model model) {
        Permissions.require("contact", "edit");
        ContactView contact = customers.contact(id);
        return contactForm(ContactForm.of(contact), customers.customer(contact.customerId()), contact, model);
    }

    @PostMapping("/contacts/{id}/edit")
    String updateContact(@PathVariable UUID id, @Validated @ModelAttribute("form") ContactForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Permissions.require("contact", "edit");
        ContactView contact = customers.contact(id);
        CustomerView customer = customers.customer(contact.customerId());
        if (result.hasErrors()) {
            return contactForm(form, customer, contact, model);
        }
        try {
            ContactView updated = customers.updateContact(id, form.toDraft(contact.customerId()), false);
            redirect.addFlashAttribute("flashSuccess", message("contact.saved", updated.name()));
            return "redirect:/customers/" + contact.customerId();
        }
        catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
        }
        catch (VersionConflictException | ObjectOptimisticLockingFailureException e) {
            FormErrors.rejectVersionConflict(result);
        }
        return contactForm(form, customer, contact, model);
    }

    @PostMapping("/contacts/{id}/delete")
    String deleteContact(@PathVariable UUID id, RedirectAttributes redirect) {
        ContactView contact = customers.contact(id);
        customers.deleteContact(id);
        redirect.addFlashAttribute("flashSuccess", message("contact.deleted", contact.name()));
        return "redirect:/customers/" + contact.customerId();
    }

    private String contactForm(ContactForm form, CustomerView customer, ContactView contact, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("customer", customer);
        model.addAttribute("contact", contact);
        return "customer/contact-form";
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private List<Option> options(String prefix, Enum<?>[] values) {
        return Arrays.stream(values).map(v -> new Option(v.name(), message(prefix + v.name()))).toList();
    }

    private String label(String prefix, Enum<?> value) {
        return value == null ? "" : message(prefix + value.name());
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

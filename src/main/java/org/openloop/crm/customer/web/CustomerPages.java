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
import org.openloop.crm.customer.CustomerPool;
import org.openloop.crm.customer.CustomerTags;
import org.openloop.crm.customer.CustomerDuplicates;
import org.openloop.crm.customer.CustomerRelationships;
import org.openloop.crm.customer.CustomerChanges;
import org.openloop.crm.customer.DuplicateMatch;
import org.openloop.crm.customer.TagColour;
import org.openloop.crm.customer.TagDraft;
import org.openloop.crm.customer.TagView;
import org.openloop.crm.customer.PoolRuleDraft;
import org.openloop.crm.customer.CustomerSource;
import org.openloop.crm.customer.CustomerType;
import org.openloop.crm.customer.CustomerView;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.customfield.CustomFieldDefinition;
import org.openloop.crm.customfield.CustomFieldType;
import org.openloop.crm.customfield.CustomFields;
import org.openloop.crm.platform.web.FormErrors;
import org.openloop.crm.shared.InvalidInputException;
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
    private final CustomerPool pool;
    private final CustomerTags tags;
    private final CustomerDuplicates duplicates;
    private final CustomerRelationships relationships;
    private final CustomerChanges changes;
    private final OrganizationManagement organization;
    private final CustomFields customFields;
    private final MessageSource messages;
    private final ZoneId zone;

    CustomerPages(CustomerManagement customers, CustomerPool pool, CustomerTags tags, CustomerDuplicates duplicates,
            CustomerRelationships relationships, CustomerChanges changes,
            OrganizationManagement organization, CustomFields customFields,
            MessageSource messages, @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.customers = customers;
        this.pool = pool;
        this.tags = tags;
        this.duplicates = duplicates;
        this.relationships = relationships;
        this.changes = changes;
        this.organization = organization;
        this.customFields = customFields;
        this.messages = messages;
        this.zone = zone;
    }

    // --- customers ---------------------------------------------------------------------------------------------

    @GetMapping("/customers")
    String list(@RequestParam Map<String, String> parameters,
            @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request,
            Model model) {
        CursorPage<CustomerView> page = customers.customers(ListRequest.from(ListLinks.parameters(request)));
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of(request));
        addCustomFields("customer", model);
        if (htmx != null) {
            return "customer/customers :: rows";
        }
        addChoices(model);
        return "customer/customers";
    }

    @GetMapping("/customers/count")
    String count(HttpServletRequest request, Model model) {
        model.addAttribute("count", customers.count(ListRequest.from(ListLinks.parameters(request))));
        return "fragments/list :: count";
    }

    @GetMapping("/customers/export")
    void export(@RequestParam(defaultValue = "xlsx") String format, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Map<String, String> parameters = ListLinks.parameters(request);
        List<String> headers = new java.util.ArrayList<>(CustomerApiController.EXPORT_HEADERS.stream()
                .map(h -> message("customer.field." + h)).toList());
        List<CustomFieldDefinition> extra = customFields.definitions("customer");
        var text = customFields.text(LocaleContextHolder.getLocale());
        extra.forEach(f -> headers.add(text.label(f)));
        customers.export(ListRequest.from(parameters), Exports.Format.of(format), headers, c -> {
            List<Object> row = new java.util.ArrayList<>(localisedRow(c));
            row.addAll(text.texts(extra, c.customFields()));
            return row;
        }, zone, response);
    }

    private List<?> localisedRow(CustomerView c) {
        return Arrays.asList(c.number(), c.name(), c.industry(), label("customer.size.", c.size()),
                label("customer.type.", c.type()), label("customer.level.", c.level()),
                label("customer.source.", c.source()), label("customer.activity.", c.activity()), c.phone(),
                c.email(), c.website(), c.address(), c.ownerName(),
                CustomerApiController.tagNames(c), message(c.archived() ? "common.yes" : "common.no"), c.createdAt());
    }

    @GetMapping("/customers/{id}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("customer", customers.customer(id));
        model.addAttribute("allTags", tags.tags());
        model.addAttribute("merges", duplicates.mergesInto(id));
        model.addAttribute("changeRequests", changes.requestsOf(id));
        addCustomFields("customer", model);
        model.addAttribute("assignees", organization.activeUsers().stream()
                .map(u -> new Option(u.id().toString(), u.choiceLabel())).toList());
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
        rejectCustomFields(result, customFields.validate("customer", form.getCustomFields()));
        if (result.hasErrors()) {
            return form(form, null, model);
        }
        if (hasUnconfirmedDuplicates(form, null, model)) {
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
        catch (InvalidInputException e) {
            rejectCustomFields(result, e.problems());
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
        rejectCustomFields(result, customFields.validate("customer", id, form.getCustomFields()));
        if (result.hasErrors()) {
            return form(form, customer, model);
        }
        if (hasUnconfirmedDuplicates(form, id, model)) {
            return form(form, customer, model);
        }
        try {
            CustomerView updated = customers.update(id, form.toDraft(), false);
            redirect.addFlashAttribute("flashSuccess", updated.pendingChanges().isEmpty()
                    ? message("customer.saved", updated.name())
                    : message("customer.change.held", updated.name()));
            return "redirect:/customers/" + id;
        }
        catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
        }
        catch (InvalidInputException e) {
            rejectCustomFields(result, e.problems());
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

    @PostMapping("/customers/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        CustomerView customer = customers.customer(id);
        try {
            customers.delete(id);
            redirect.addFlashAttribute("flashSuccess", message("customer.deleted", customer.name()));
            return "redirect:/customers";
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
            return "redirect:/customers/" + id;
        }
    }

    @PostMapping("/customers/{id}/reactivate")
    String reactivate(@PathVariable UUID id, RedirectAttributes redirect) {
        CustomerView customer = customers.reactivate(id);
        redirect.addFlashAttribute("flashSuccess", message("customer.reactivated", customer.name()));
        return "redirect:/customers/" + id;
    }

    // --- tags (B3) ---------------------------------------------------------------------------------------------

    @GetMapping("/customers/tags")
    String tagAdmin(Model model) {
        model.addAttribute("tags", tags.tags());
        model.addAttribute("colours", TagColour.values());
        return "customer/tags";
    }

    @PostMapping("/customers/tags")
    String createTag(@RequestParam(required = false) String name, @RequestParam(required = false) TagColour colour,
            RedirectAttributes redirect) {
        return tagChange(redirect, () -> tags.createTag(new TagDraft(name, colour, null)), "tag.created");
    }

    @PostMapping("/customers/tags/{id}")
    String updateTag(@PathVariable UUID id, @RequestParam(required = false) String name,
            @RequestParam(required = false) TagColour colour, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        return tagChange(redirect, () -> tags.updateTag(id, new TagDraft(name, colour, version), false), "tag.saved");
    }

    @PostMapping("/customers/tags/{id}/delete")
    String deleteTag(@PathVariable UUID id, RedirectAttributes redirect) {
        tags.deleteTag(id);
        redirect.addFlashAttribute("flashSuccess", message("tag.deleted"));
        return "redirect:/customers/tags";
    }

    private String tagChange(RedirectAttributes redirect, java.util.function.Supplier<TagView> change,
            String successKey) {
        try {
            TagView tag = change.get();
            redirect.addFlashAttribute("flashSuccess", message(successKey, tag.name()));
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        catch (VersionConflictException | ObjectOptimisticLockingFailureException e) {
            redirect.addFlashAttribute("flashError", message("problem.versionConflict"));
        }
        return "redirect:/customers/tags";
    }

    @PostMapping("/customers/{id}/tags")
    String tagCustomer(@PathVariable UUID id, @RequestParam(name = "tagIds", required = false) List<UUID> tagIds,
            @RequestParam(required = false) String newTags, RedirectAttributes redirect) {
        try {
            List<String> names = newTags == null ? List.of()
                    : Arrays.stream(newTags.split("[,，、]")).map(String::strip).filter(n -> !n.isEmpty()).toList();
            tags.tag(id, tagIds == null ? List.of() : tagIds, names);
            redirect.addFlashAttribute("flashSuccess", message("tag.customer.saved"));
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        return "redirect:/customers/" + id;
    }

    @PostMapping("/customers/bulk-tags")
    String bulkTag(@RequestParam(name = "customerIds", required = false) List<UUID> customerIds,
            @RequestParam(required = false) UUID add, @RequestParam(required = false) UUID remove,
            @RequestParam(required = false) String back, RedirectAttributes redirect) {
        try {
            int changed = tags.bulkTag(customerIds, add == null ? List.of() : List.of(add),
                    remove == null ? List.of() : List.of(remove));
            redirect.addFlashAttribute("flashSuccess", message("tag.bulk.done", changed));
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        return "redirect:" + (back != null && back.startsWith("/customers") && !back.startsWith("//") ? back
                : "/customers");
    }

    // --- key-field change approval (A7) ------------------------------------------------------------------------

    @GetMapping("/customers/changes")
    String changeQueue(Model model) {
        Permissions.require("customer", "assign");
        model.addAttribute("pending", changes.pendingForMe());
        model.addAttribute("keyFields", changes.keyFields());
        model.addAttribute("fields", CustomerDuplicates.MERGE_FIELDS);
        return "customer/changes";
    }

    @PostMapping("/customers/changes/key-fields")
    String chooseKeyFields(@RequestParam(name = "fields", required = false) List<String> fields,
            RedirectAttributes redirect) {
        changes.chooseKeyFields(fields == null ? List.of() : fields);
        redirect.addFlashAttribute("flashSuccess", message("customer.change.keyFieldsSaved"));
        return "redirect:/customers/changes";
    }

    @PostMapping("/customers/change-requests/{requestId}/{decision:approve|reject}")
    String decide(@PathVariable UUID requestId, @PathVariable String decision,
            @RequestParam(required = false) String note, @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        try {
            var decided = changes.decide(requestId, "approve".equals(decision), note);
            redirect.addFlashAttribute("flashSuccess", message("customer.change." + decision + "d",
                    decided.customerName()));
            return "queue".equals(back) ? "redirect:/customers/changes" : "redirect:/customers/" + decided.customerId();
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
            return "redirect:/customers/changes";
        }
    }

    // --- relations (B4) ----------------------------------------------------------------------------------------

    @GetMapping("/customers/{id}/relations")
    String relations(@PathVariable UUID id, Model model) {
        model.addAttribute("customer", customers.customer(id));
        model.addAttribute("relations", relationships.relationsOf(id));
        model.addAttribute("groups", relationships.groupsOf(id));
        model.addAttribute("relationTypes", relationships.types());
        return "customer/relations-panel :: panel";
    }

    @PostMapping("/customers/{id}/relations")
    String relate(@PathVariable UUID id, @RequestParam(required = false) UUID typeId,
            @RequestParam(required = false) String otherNumber, @RequestParam(defaultValue = "false") boolean otherIsParent,
            RedirectAttributes redirect) {
        try {
            relationships.relateByNumber(id, typeId, otherNumber, otherIsParent);
            redirect.addFlashAttribute("flashSuccess", message("relation.added"));
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        return "redirect:/customers/" + id;
    }

    @PostMapping("/customers/{id}/relations/{relationId}/delete")
    String unrelate(@PathVariable UUID id, @PathVariable UUID relationId, RedirectAttributes redirect) {
        relationships.unrelate(relationId);
        redirect.addFlashAttribute("flashSuccess", message("relation.removed"));
        return "redirect:/customers/" + id;
    }

    // --- pool (B5) ---------------------------------------------------------------------------------------------

    @GetMapping("/customers/pool")
    String pool(@RequestParam Map<String, String> parameters,
            @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request,
            Model model) {
        model.addAttribute("page", pool.pooled(ListRequest.from(ListLinks.parameters(request))));
        model.addAttribute("links", ListLinks.of(request));
        if (htmx != null) {
            return "customer/pool :: rows";
        }
        addChoices(model);
        return "customer/pool";
    }

    @PostMapping("/customers/{id}/claim")
    String claim(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        try {
            CustomerView customer = pool.claim(id);
            redirect.addFlashAttribute("flashSuccess", message("customer.pool.claimed", customer.name()));
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        return "pool".equals(back) ? "redirect:/customers/pool" : "redirect:/customers/" + id;
    }

    @PostMapping("/customers/{id}/return")
    String giveBack(@PathVariable UUID id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            CustomerView customer = pool.giveBack(id, reason);
            redirect.addFlashAttribute("flashSuccess", message("customer.pool.returned", customer.name()));
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        return "redirect:/customers/" + id;
    }

    @GetMapping("/customers/pool/rules")
    String poolRules(Model model) {
        model.addAttribute("rules", pool.rules());
        return "customer/pool-rules";
    }

    @PostMapping("/customers/pool/rules/{level}")
    String changePoolRule(@PathVariable CustomerLevel level, @RequestParam(required = false) String returnAfterDays,
            @RequestParam(required = false) String warnBeforeDays, @RequestParam(required = false) String maxPerOwner,
            @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        try {
            pool.changeRule(level, new PoolRuleDraft(number(returnAfterDays, 1, 3650, "returnAfterDays"),
                    number(warnBeforeDays == null || warnBeforeDays.isBlank() ? "0" : warnBeforeDays, 0, 365,
                            "warnBeforeDays"),
                    number(maxPerOwner, 1, 100000, "maxPerOwner"), version), false);
            redirect.addFlashAttribute("flashSuccess",
                    message("customer.pool.rules.saved", message("customer.level." + level.name())));
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message("customer.level." + level.name()) + ": "
                    + message(e.messageKey(), e.arguments()));
        }
        catch (VersionConflictException | ObjectOptimisticLockingFailureException e) {
            redirect.addFlashAttribute("flashError", message("problem.versionConflict"));
        }
        return "redirect:/customers/pool/rules";
    }

    /** A whole number in range from a form field, blank meaning none; the same limits as {@link PoolRuleDraft}. */
    private static Integer number(String value, int min, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        }
        catch (NumberFormatException e) {
            // refused below
        }
        throw BusinessRuleException.onField(field, "customer.pool.rules.range", min, max);
    }

    /** Duplicates warn before saving (B6): the form comes back listing them until the user confirms. */
    private boolean hasUnconfirmedDuplicates(CustomerForm form, UUID except, Model model) {
        if (form.isConfirmDuplicates()) {
            return false;
        }
        List<DuplicateMatch> matches = duplicates.matchesFor(form.getName(), form.getPhone(), form.getEmail(), except);
        if (matches.isEmpty()) {
            return false;
        }
        model.addAttribute("duplicates", matches);
        return true;
    }

    // --- duplicates and merge (B6) -----------------------------------------------------------------------------

    @GetMapping("/customers/duplicates")
    String duplicateGroups(Model model) {
        model.addAttribute("groups", duplicates.groups());
        return "customer/duplicates";
    }

    @GetMapping("/customers/merge")
    String mergeForm(@RequestParam UUID survivor, @RequestParam UUID merged, Model model) {
        Permissions.require("customer", "assign");
        model.addAttribute("survivor", customers.customer(survivor));
        model.addAttribute("merged", customers.customer(merged));
        model.addAttribute("fields", CustomerDuplicates.MERGE_FIELDS);
        return "customer/merge";
    }

    @PostMapping("/customers/merge")
    String merge(@RequestParam UUID survivor, @RequestParam UUID merged,
            @RequestParam Map<String, String> parameters, RedirectAttributes redirect) {
        Map<String, String> picks = new java.util.HashMap<>();
        for (String field : CustomerDuplicates.MERGE_FIELDS) {
            String choice = parameters.get("pick." + field);
            if (choice != null) {
                picks.put(field, choice);
            }
        }
        try {
            CustomerView result = duplicates.merge(survivor, merged, picks);
            redirect.addFlashAttribute("flashSuccess", message("customer.merge.done", result.name()));
            return "redirect:/customers/" + survivor;
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
            return "redirect:/customers/merge?survivor=" + survivor + "&merged=" + merged;
        }
    }

    @PostMapping("/customers/merges/{mergeId}/undo")
    String undoMerge(@PathVariable UUID mergeId, RedirectAttributes redirect) {
        try {
            CustomerView restored = duplicates.undo(mergeId);
            redirect.addFlashAttribute("flashSuccess", message("customer.merge.undoneFlash", restored.name()));
            return "redirect:/customers/" + restored.id();
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
            return "redirect:/customers";
        }
    }

    private String form(CustomerForm form, CustomerView customer, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("customer", customer);
        addChoices(model);
        addCustomFields("customer", model);
        return "customer/customer-form";
    }

    private void addChoices(Model model) {
        model.addAttribute("allTags", tags.tags());
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
        model.addAttribute("page", customers.contacts(ListRequest.from(ListLinks.parameters(request))));
        model.addAttribute("links", ListLinks.of(request));
        addCustomFields("contact", model);
        return htmx != null ? "customer/contacts :: rows" : "customer/contacts";
    }

    @GetMapping("/contacts/{id}")
    String contact(@PathVariable UUID id, Model model) {
        model.addAttribute("contact", customers.contact(id));
        addCustomFields("contact", model);
        return "customer/contact";
    }

    @GetMapping("/contacts/{id}/history")
    String contactHistory(@PathVariable UUID id, @RequestParam Map<String, String> parameters,
            HttpServletRequest request, Model model) {
        model.addAttribute("history", customers.contactHistory(id, ListRequest.from(parameters)));
        model.addAttribute("links", ListLinks.of(request));
        return parameters.containsKey("cursor") ? "audit/history :: rows" : "audit/history :: history";
    }

    @GetMapping("/contacts/count")
    String contactCount(HttpServletRequest request, Model model) {
        model.addAttribute("count", customers.contactCount(ListRequest.from(ListLinks.parameters(request))));
        return "fragments/list :: count";
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
        rejectCustomFields(result, customFields.validate("contact", form.getCustomFields()));
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
        catch (InvalidInputException e) {
            rejectCustomFields(result, e.problems());
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
        rejectCustomFields(result, customFields.validate("contact", id, form.getCustomFields()));
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
        catch (InvalidInputException e) {
            rejectCustomFields(result, e.problems());
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
        addCustomFields("contact", model);
        return "customer/contact-form";
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** Custom fields (B11) of the record type for forms, lists, filters and the detail page. */
    private void addCustomFields(String recordType, Model model) {
        List<CustomFieldDefinition> definitions = customFields.definitions(recordType);
        model.addAttribute("customFieldDefs", definitions);
        model.addAttribute("customFieldText", customFields.text(LocaleContextHolder.getLocale()));
        model.addAttribute("customFieldUsers", definitions.stream().anyMatch(f -> f.type() == CustomFieldType.USER)
                ? organization.activeUsers().stream().map(u -> new Option(u.id().toString(), u.displayName())).toList()
                : List.of());
    }

    /** Custom field refusals next to their inputs ({@code customFields[key]}). */
    private static void rejectCustomFields(BindingResult result,
            List<InvalidInputException.FieldProblem> problems) {
        for (InvalidInputException.FieldProblem problem : problems) {
            String field = problem.field().startsWith(CustomFields.ERROR_PREFIX)
                    ? "customFields[" + problem.field().substring(CustomFields.ERROR_PREFIX.length()) + "]"
                    : problem.field();
            if (result.hasFieldErrors(field)) {
                continue;
            }
            result.rejectValue(field, problem.messageKey(), problem.arguments().toArray(), problem.messageKey());
        }
    }

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

package org.openloop.crm.messaging.web;

import java.util.Map;
import java.util.UUID;

import org.openloop.crm.customer.ContactView;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.customer.CustomerView;
import org.openloop.crm.messaging.CallLog;
import org.openloop.crm.messaging.CallView;
import org.openloop.crm.messaging.EmailDraft;
import org.openloop.crm.messaging.EmailManagement;
import org.openloop.crm.messaging.EmailNotSentException;
import org.openloop.crm.messaging.EmailTemplateManagement;
import org.openloop.crm.messaging.EmailView;
import org.openloop.crm.messaging.MailTemplates;
import org.openloop.crm.messaging.TemplateDraft;
import org.openloop.crm.messaging.TemplateView;
import org.openloop.crm.platform.web.FormErrors;
import org.openloop.crm.platform.web.ListLinks;
import org.openloop.crm.platform.web.Permissions;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/** Pages for mail and calls (C3, C4): the send form, a mail, a call, the two review lists and the templates. */
@Controller
class MessagingPages {

    private static final String VARIABLES = String.join(", ",
            MailTemplates.VARIABLES.stream().map(v -> "{{" + v + "}}").toList());

    private final EmailManagement mail;
    private final EmailTemplateManagement templates;
    private final CallLog calls;
    private final CustomerManagement customers;
    private final MessageSource messages;

    MessagingPages(EmailManagement mail, EmailTemplateManagement templates, CallLog calls,
            CustomerManagement customers, MessageSource messages) {
        this.mail = mail;
        this.templates = templates;
        this.calls = calls;
        this.customers = customers;
        this.messages = messages;
    }

    // --- sending -----------------------------------------------------------------------------------------------

    @GetMapping("/emails/new")
    String newMail(@RequestParam UUID contactId, @RequestParam(required = false) UUID templateId, Model model) {
        Permissions.require("activity", "create");
        EmailDraft preview = mail.preview(new EmailDraft(contactId, templateId, null, null));
        EmailForm form = new EmailForm();
        form.setContactId(contactId);
        form.setTemplateId(templateId);
        form.setSubject(preview.subject());
        form.setBody(preview.body());
        model.addAttribute("form", form);
        return mailForm(contactId, model);
    }

    @PostMapping("/emails")
    String send(@ModelAttribute("form") EmailForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            EmailView sent = mail.send(new EmailDraft(form.getContactId(), form.getTemplateId(), form.getSubject(),
                    form.getBody()));
            redirect.addFlashAttribute("flashSuccess", message("email.send.done"));
            return "redirect:/customers/" + sent.customerId();
        } catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
        } catch (EmailNotSentException e) {
            result.reject("email.send.failed", new Object[] { e.mail().failureReason() }, "email.send.failed");
        }
        return mailForm(form.getContactId(), model);
    }

    private String mailForm(UUID contactId, Model model) {
        ContactView contact = customers.contact(contactId);
        model.addAttribute("contact", contact);
        model.addAttribute("templates", templates.templates());
        model.addAttribute("variables", VARIABLES);
        return "messaging/email-form";
    }

    @GetMapping("/emails/{id}")
    String mail(@PathVariable UUID id, Model model) {
        model.addAttribute("mail", mail.mail(id));
        return "messaging/email";
    }

    // --- review ------------------------------------------------------------------------------------------------

    @GetMapping("/emails/review")
    String mailReview(@RequestParam Map<String, String> parameters, HttpServletRequest request, Model model) {
        model.addAttribute("page", mail.review(ListRequest.from(ListLinks.parameters(request))));
        model.addAttribute("links", ListLinks.of(request));
        return parameters.containsKey("cursor") ? "messaging/email-review :: rows" : "messaging/email-review";
    }

    @PostMapping("/emails/{id}/assign")
    String assignMail(@PathVariable UUID id, @RequestParam(required = false) String customerId,
            RedirectAttributes redirect) {
        try {
            mail.assign(id, customerFrom(customerId));
            redirect.addFlashAttribute("flashSuccess", message("email.review.assigned"));
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        return "redirect:/emails/review";
    }

    @PostMapping("/emails/{id}/discard")
    String discardMail(@PathVariable UUID id, RedirectAttributes redirect) {
        mail.discard(id);
        redirect.addFlashAttribute("flashSuccess", message("email.review.discarded"));
        return "redirect:/emails/review";
    }

    @GetMapping("/calls/{id}")
    String call(@PathVariable UUID id, Model model) {
        CallView call = calls.call(id);
        model.addAttribute("call", call);
        model.addAttribute("recordingLink", CallLog.linkable(call.recordingUrl()) ? call.recordingUrl() : null);
        return "messaging/call";
    }

    @GetMapping("/calls/review")
    String callReview(@RequestParam Map<String, String> parameters, HttpServletRequest request, Model model) {
        model.addAttribute("page", calls.review(ListRequest.from(ListLinks.parameters(request))));
        model.addAttribute("links", ListLinks.of(request));
        return parameters.containsKey("cursor") ? "messaging/call-review :: rows" : "messaging/call-review";
    }

    @PostMapping("/calls/{id}/assign")
    String assignCall(@PathVariable UUID id, @RequestParam(required = false) String contactId,
            RedirectAttributes redirect) {
        try {
            calls.assign(id, contactFrom(contactId));
            redirect.addFlashAttribute("flashSuccess", message("call.review.assigned"));
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        return "redirect:/calls/review";
    }

    @PostMapping("/calls/{id}/discard")
    String discardCall(@PathVariable UUID id, RedirectAttributes redirect) {
        calls.discard(id);
        redirect.addFlashAttribute("flashSuccess", message("call.review.discarded"));
        return "redirect:/calls/review";
    }

    // --- templates ---------------------------------------------------------------------------------------------

    @GetMapping("/settings/email-templates")
    @PreAuthorize("hasAuthority('ROLE_ADMIN')")
    String templateList(Model model) {
        model.addAttribute("templates", templates.templates());
        return "messaging/templates";
    }

    @GetMapping({ "/settings/email-templates/new", "/settings/email-templates/{id}/edit" })
    @PreAuthorize("hasAuthority('ROLE_ADMIN')")
    String templateForm(@PathVariable(required = false) UUID id, Model model) {
        TemplateForm form = new TemplateForm();
        if (id != null) {
            TemplateView template = templates.template(id);
            form.setName(template.name());
            form.setSubject(template.subject());
            form.setBody(template.body());
            form.setVersion(template.version());
        }
        model.addAttribute("form", form);
        return templateFormView(id, model);
    }

    @PostMapping({ "/settings/email-templates/new", "/settings/email-templates/{id}/edit" })
    @PreAuthorize("hasAuthority('ROLE_ADMIN')")
    String saveTemplate(@PathVariable(required = false) UUID id, @ModelAttribute("form") TemplateForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        TemplateDraft draft = new TemplateDraft(form.getName(), form.getSubject(), form.getBody(), form.getVersion());
        try {
            if (id == null) {
                templates.create(draft);
            }
            else {
                templates.update(id, draft, false);
            }
            redirect.addFlashAttribute("flashSuccess", message("email.template.saved"));
            return "redirect:/settings/email-templates";
        } catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
        } catch (VersionConflictException e) {
            FormErrors.rejectVersionConflict(result);
        }
        return templateFormView(id, model);
    }

    @PostMapping("/settings/email-templates/{id}/delete")
    @PreAuthorize("hasAuthority('ROLE_ADMIN')")
    String deleteTemplate(@PathVariable UUID id, RedirectAttributes redirect) {
        templates.delete(id);
        redirect.addFlashAttribute("flashSuccess", message("email.template.deleted"));
        return "redirect:/settings/email-templates";
    }

    private String templateFormView(UUID id, Model model) {
        model.addAttribute("templateId", id);
        model.addAttribute("variables", VARIABLES);
        return "messaging/template-form";
    }

    /** A customer named by its id or its number (KH…), as the reviewer typed it. */
    private UUID customerFrom(String value) {
        UUID id = uuid(value);
        if (id != null || value == null || value.isBlank()) {
            return id;
        }
        String number = value.strip();
        return customers.customers(ListRequest.from(Map.of("q", number, "size", "20"))).items().stream()
                .filter(c -> number.equalsIgnoreCase(c.number())).map(CustomerView::id).findFirst().orElse(null);
    }

    /** A contact named by its id, or the primary (else first) contact of the customer with that number. */
    private UUID contactFrom(String value) {
        UUID id = uuid(value);
        if (id != null || value == null || value.isBlank()) {
            return id;
        }
        UUID customerId = customerFrom(value);
        return customerId == null ? null
                : customers.contactsOf(customerId).stream().map(ContactView::id).findFirst().orElse(null);
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

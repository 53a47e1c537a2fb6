package org.openloop.crm.quoting.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.catalog.CatalogManagement;
import org.openloop.crm.messaging.EmailNotSentException;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.platform.web.FormErrors;
import org.openloop.crm.platform.web.ListLinks;
import org.openloop.crm.platform.web.Permissions;
import org.openloop.crm.quoting.QuoteAction;
import org.openloop.crm.quoting.QuoteManagement;
import org.openloop.crm.quoting.QuoteStatus;
import org.openloop.crm.quoting.QuoteView;
import org.openloop.crm.sales.OpportunityManagement;
import org.openloop.crm.sales.OpportunityRef;
import org.openloop.crm.sales.OpportunityWork;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/** Quote pages (F5): list, new from an opportunity, detail with lines, versions and steps, PDF, e-mail, panel. */
@Controller
class QuotePages {

    /** One option of a select. */
    record Option(String value, String label) {
    }

    /**
     * A product on the quote form, with the list price and tax rate the server uses for a line that leaves them
     * empty, so the form can preview the line's amounts.
     */
    record ProductOption(String value, String label, String listPrice, String taxRate) {
    }

    private static final int FORM_ROWS = 5;

    private final QuoteManagement quotes;
    private final OpportunityManagement opportunities;
    private final CatalogManagement catalog;
    private final org.openloop.crm.organization.OrganizationManagement organization;
    private final MessageSource messages;

    QuotePages(QuoteManagement quotes, OpportunityManagement opportunities, CatalogManagement catalog,
            org.openloop.crm.organization.OrganizationManagement organization, MessageSource messages) {
        this.organization = organization;
        this.quotes = quotes;
        this.opportunities = opportunities;
        this.catalog = catalog;
        this.messages = messages;
    }

    static ResponseEntity<byte[]> pdfResponse(QuoteManagement.QuotePdf pdf) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(pdf.filename(), java.nio.charset.StandardCharsets.UTF_8).build());
        return ResponseEntity.ok().headers(headers).body(pdf.content());
    }

    @GetMapping("/quotes")
    String list(@RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request,
            Model model) {
        CursorPage<QuoteView> page = quotes.quotes(ListRequest.from(ListLinks.parameters(request)));
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of(request));
        if (htmx != null) {
            return "quoting/list :: rows";
        }
        model.addAttribute("statuses", Arrays.stream(QuoteStatus.values())
                .map(s -> new Option(s.name(), message("quote.status." + s))).toList());
        model.addAttribute("owners", organization.activeUsers().stream()
                .map(u -> new Option(u.id().toString(), u.displayName())).toList());
        return "quoting/list";
    }

    @GetMapping("/quotes/export")
    void export(@RequestParam(defaultValue = "xlsx") String format, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        List<String> headers = QuoteApiController.EXPORT_HEADERS.stream().map(h -> message("quote.field." + h))
                .toList();
        quotes.export(ListRequest.from(ListLinks.parameters(request)), Exports.Format.of(format), headers,
                q -> Arrays.asList(q.number(), q.quoteVersion(), message("quote.status." + q.status()),
                        q.customerName(), q.opportunityName(), q.quoteDate(), q.validUntil(), q.currency(),
                        q.netTotal(), q.taxTotal(), q.grandTotal(), q.ownerName()), response);
    }

    /** The quotes of an opportunity, loaded into the opportunity page's tab. */
    @GetMapping("/quotes/panel")
    String panel(@RequestParam UUID opportunityId, Model model) {
        model.addAttribute("quotes", quotes.quotesOfOpportunityView(opportunityId));
        model.addAttribute("opportunityId", opportunityId);
        return "quoting/panel :: panel";
    }

    @GetMapping("/quotes/new")
    String newForm(@RequestParam UUID opportunityId, Model model, RedirectAttributes redirect) {
        Permissions.require("quote", "create");
        OpportunityRef opportunity = opportunities.ref(opportunityId);
        try {
            opportunities.requireAcceptsNewWork(opportunityId, OpportunityWork.QUOTE);
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
            return "redirect:/opportunities/" + opportunityId;
        }
        QuoteForm form = new QuoteForm();
        form.setOpportunityId(opportunity.id());
        form.padTo(FORM_ROWS);
        return form(form, null, model);
    }

    @PostMapping("/quotes/new")
    String create(@Valid @ModelAttribute("form") QuoteForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return FormErrors.save(result, () -> {
            form.dropBlankRows();
            QuoteView created = quotes.create(form.draft());
            redirect.addFlashAttribute("flashSuccess", message("quote.created", created.number()));
            return "redirect:/quotes/" + created.id();
        }, () -> {
            form.padTo(FORM_ROWS);
            return form(form, null, model);
        });
    }

    @GetMapping("/quotes/{id}")
    String detail(@PathVariable UUID id, Model model) {
        QuoteView quote = quotes.quote(id);
        model.addAttribute("quote", quote);
        model.addAttribute("versions", quotes.versions(id));
        if (quote.can("SEND") || quote.status() == QuoteStatus.SENT) {
            model.addAttribute("contacts", quotes.contactsOfCustomer(quote.customerId()).stream()
                    .filter(c -> c.email() != null && !c.email().isBlank())
                    .map(c -> new Option(c.id().toString(), c.name() + (c.title() == null ? "" : " · " + c.title())))
                    .toList());
        }
        return "quoting/detail";
    }

    @GetMapping("/quotes/{id}/history")
    String history(@PathVariable UUID id, @RequestParam Map<String, String> parameters, HttpServletRequest request,
            Model model) {
        model.addAttribute("history", quotes.history(id, ListRequest.from(parameters)));
        model.addAttribute("links", ListLinks.of(request));
        return parameters.containsKey("cursor") ? "audit/history :: rows" : "audit/history :: history";
    }

    @GetMapping("/quotes/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        return pdfResponse(quotes.pdf(id));
    }

    @GetMapping("/quotes/{id}/edit")
    String editForm(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        Permissions.require("quote", "edit");
        QuoteView quote = quotes.quote(id);
        if (!quote.editable()) {
            redirect.addFlashAttribute("flashError", message("quote.edit.notDraft",
                    message("quote.status." + quote.status())));
            return "redirect:/quotes/" + id;
        }
        QuoteForm form = QuoteForm.of(quote);
        form.padTo(quote.lines().size() + 2);
        return form(form, id, model);
    }

    @PostMapping("/quotes/{id}/edit")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") QuoteForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return FormErrors.save(result, () -> {
            form.dropBlankRows();
            QuoteView saved = quotes.update(id, form.draft(), false);
            redirect.addFlashAttribute("flashSuccess", message("quote.saved", saved.number()));
            return "redirect:/quotes/" + id;
        }, () -> {
            form.padTo(form.getLines().size() + 2);
            return form(form, id, model);
        });
    }

    @PostMapping("/quotes/{id}/{step:send|approve|reject-approval|accept|reject}")
    String step(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) Long version,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        QuoteAction action = switch (step) {
            case "send" -> QuoteAction.SEND;
            case "approve" -> QuoteAction.APPROVE;
            case "reject-approval" -> QuoteAction.REJECT_APPROVAL;
            case "accept" -> QuoteAction.ACCEPT;
            default -> QuoteAction.REJECT;
        };
        return run(id, redirect, () -> {
            QuoteView quote = quotes.act(id, action, reason, version, false);
            return "redirect:/quotes/" + quote.id();
        }, message("quote.moved"));
    }

    @PostMapping("/quotes/{id}/revise")
    String revise(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return run(id, redirect, () -> "redirect:/quotes/" + quotes.revise(id, version, false).id(),
                message("quote.revised"));
    }

    @PostMapping("/quotes/{id}/email")
    String email(@PathVariable UUID id, @RequestParam(required = false) UUID contactId,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String body,
            RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            quotes.email(id, contactId, subject, body);
            return "redirect:/quotes/" + id;
        }, message("quote.emailed"));
    }

    @PostMapping("/quotes/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        QuoteView quote = quotes.quote(id);
        try {
            quotes.delete(id);
            redirect.addFlashAttribute("flashSuccess", message("quote.deleted", quote.number()));
            return "redirect:/quotes";
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
            return "redirect:/quotes/" + id;
        }
    }

    private String run(UUID id, RedirectAttributes redirect, java.util.function.Supplier<String> change,
            String success) {
        try {
            String target = change.get();
            redirect.addFlashAttribute("flashSuccess", success);
            return target;
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        catch (VersionConflictException | ObjectOptimisticLockingFailureException e) {
            redirect.addFlashAttribute("flashError", message("quote.conflict"));
        }
        catch (EmailNotSentException e) {
            redirect.addFlashAttribute("flashError", message("quote.email.failed"));
        }
        return "redirect:/quotes/" + id;
    }

    private String form(QuoteForm form, UUID id, Model model) {
        OpportunityRef opportunity = opportunities.ref(form.getOpportunityId());
        model.addAttribute("form", form);
        model.addAttribute("quoteId", id);
        model.addAttribute("opportunity", opportunity);
        model.addAttribute("contacts", quotes.contactsOfCustomer(opportunity.customerId()).stream()
                .map(c -> new Option(c.id().toString(), c.name())).toList());
        model.addAttribute("priceLists", catalog.allPriceLists().stream().filter(l -> l.active())
                .map(l -> new Option(l.id().toString(), l.name() + " (" + l.currency() + ")")).toList());
        model.addAttribute("products", catalog.activeProducts().stream()
                .map(p -> new ProductOption(p.id().toString(), p.code() + " " + p.name() + " · " + p.unit(),
                        plain(p.listPrice()), plain(p.taxRate())))
                .toList());
        return "quoting/form";
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

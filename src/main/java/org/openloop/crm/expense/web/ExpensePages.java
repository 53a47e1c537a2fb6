package org.openloop.crm.expense.web;

import java.io.IOException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.expense.ExpenseManagement;
import org.openloop.crm.expense.ExpenseType;
import org.openloop.crm.expense.ExpenseView;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.platform.web.FormErrors;
import org.openloop.crm.platform.web.ListLinks;
import org.openloop.crm.platform.web.Permissions;
import org.openloop.crm.sales.OpportunityManagement;
import org.openloop.crm.sales.OpportunityRef;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

/**
 * Expense pages (F8): the list with filters and export, the detail with the receipt, the form opened from an
 * opportunity, and the opportunity page's expenses panel with its totals.
 */
@Controller
class ExpensePages {

    /** One option of a select. */
    record Option(String value, String label) {
    }

    private static final String MODULE = "opportunity";

    private final ExpenseManagement expenses;
    private final OpportunityManagement opportunities;
    private final OrganizationManagement organization;
    private final MessageSource messages;
    private final ZoneId zone;

    ExpensePages(ExpenseManagement expenses, OpportunityManagement opportunities, OrganizationManagement organization,
            MessageSource messages, @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.expenses = expenses;
        this.opportunities = opportunities;
        this.organization = organization;
        this.messages = messages;
        this.zone = zone;
    }

    @GetMapping("/expenses")
    String list(@RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request,
            Model model) {
        CursorPage<ExpenseView> page = expenses.expenses(ListRequest.from(ListLinks.parameters(request)));
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of(request));
        if (htmx != null) {
            return "expense/expenses :: rows";
        }
        model.addAttribute("types", types());
        model.addAttribute("owners", organization.activeUsers().stream()
                .map(u -> new Option(u.id().toString(), u.displayName())).toList());
        return "expense/expenses";
    }

    @GetMapping("/expenses/export")
    void export(@RequestParam(defaultValue = "xlsx") String format, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        List<String> headers = ExpenseApiController.EXPORT_HEADERS.stream()
                .map(h -> message("expense.field." + h)).toList();
        expenses.export(ListRequest.from(ListLinks.parameters(request)), Exports.Format.of(format), headers,
                e -> Arrays.asList(e.spentOn(), message("expense.type." + e.type()), e.amount().toPlainString(),
                        e.currency(), e.opportunityNumber() + " " + e.opportunityName(), e.customerName(),
                        e.description(), e.ownerName(), e.createdAt()),
                response);
    }

    /** The expenses tab of an opportunity page: its expenses, their totals, and "record expense" when accepted. */
    @GetMapping("/expenses/panel")
    String panel(@RequestParam UUID opportunityId, Model model) {
        OpportunityRef opportunity = opportunities.ref(opportunityId);
        model.addAttribute("opportunity", opportunity);
        model.addAttribute("items", expenses.expenses(new ListRequest(null, 100, "-spentOn", null,
                Map.of("opportunityId", opportunityId.toString()))).items());
        model.addAttribute("totals", expenses.totalsOf(opportunityId));
        model.addAttribute("accepts", Permissions.has(MODULE, "edit") && expenses.acceptsExpenses(opportunityId));
        return "expense/panel :: panel";
    }

    @GetMapping("/expenses/{id}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("expense", expenses.expense(id));
        return "expense/expense";
    }

    @GetMapping("/expenses/{id}/history")
    String history(@PathVariable UUID id, @RequestParam Map<String, String> parameters, HttpServletRequest request,
            Model model) {
        model.addAttribute("history", expenses.history(id, ListRequest.from(parameters)));
        model.addAttribute("links", ListLinks.of(request));
        return parameters.containsKey("cursor") ? "audit/history :: rows" : "audit/history :: history";
    }

    @GetMapping("/expenses/new")
    String createForm(@RequestParam UUID opportunityId, Model model) {
        Permissions.require(MODULE, "edit");
        return form(ExpenseForm.blank(opportunityId, zone), null, opportunities.ref(opportunityId), model);
    }

    @PostMapping("/expenses/new")
    String create(@Validated @ModelAttribute("form") ExpenseForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Permissions.require(MODULE, "edit");
        OpportunityRef opportunity = form.getOpportunityId() == null ? null
                : opportunities.ref(form.getOpportunityId());
        return FormErrors.save(result, () -> {
            ExpenseView created = expenses.create(form.toDraft());
            redirect.addFlashAttribute("flashSuccess", message("expense.saved"));
            return "redirect:/expenses/" + created.id();
        }, () -> form(form, null, opportunity, model));
    }

    @GetMapping("/expenses/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        Permissions.require(MODULE, "edit");
        ExpenseView view = expenses.expense(id);
        return form(ExpenseForm.of(view), view, opportunities.ref(view.opportunityId()), model);
    }

    @PostMapping("/expenses/{id}/edit")
    String update(@PathVariable UUID id, @Validated @ModelAttribute("form") ExpenseForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Permissions.require(MODULE, "edit");
        ExpenseView view = expenses.expense(id);
        form.setOpportunityId(view.opportunityId());
        return FormErrors.save(result, () -> {
            expenses.update(id, form.toDraft(), false);
            redirect.addFlashAttribute("flashSuccess", message("expense.saved"));
            return "redirect:/expenses/" + id;
        }, () -> form(form, view, opportunities.ref(view.opportunityId()), model));
    }

    @PostMapping("/expenses/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        Permissions.require(MODULE, "delete");
        ExpenseView view = expenses.expense(id);
        try {
            expenses.delete(id);
            redirect.addFlashAttribute("flashSuccess", message("expense.deleted"));
            return "redirect:/opportunities/" + view.opportunityId();
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
            return "redirect:/expenses/" + id;
        }
    }

    private String form(ExpenseForm form, ExpenseView existing, OpportunityRef opportunity, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("expense", existing);
        model.addAttribute("opportunity", opportunity);
        model.addAttribute("types", types());
        return "expense/form";
    }

    private List<Option> types() {
        return Arrays.stream(ExpenseType.values())
                .map(t -> new Option(t.name(), message("expense.type." + t.name()))).toList();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

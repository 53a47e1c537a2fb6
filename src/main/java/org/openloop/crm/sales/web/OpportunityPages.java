package org.openloop.crm.sales.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.customfield.CustomFieldDefinition;
import org.openloop.crm.customfield.CustomFieldType;
import org.openloop.crm.customfield.CustomFields;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.platform.web.FormErrors;
import org.openloop.crm.platform.web.ListLinks;
import org.openloop.crm.platform.web.Permissions;
import org.openloop.crm.sales.OpportunityAction;
import org.openloop.crm.sales.OpportunityManagement;
import org.openloop.crm.sales.OpportunityStatus;
import org.openloop.crm.sales.OpportunityView;
import org.openloop.crm.sales.PipelineView;
import org.openloop.crm.sales.SalesSettings;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.InvalidInputException;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

/** Opportunity pages (F1, F2): list with export, detail with workflow buttons and stage history, forms, customer tab. */
@Controller
class OpportunityPages {

    /** One option of a select. */
    record Option(String value, String label) {
    }

    static final List<String> EXPORT_FIELDS = List.of("number", "name", "customer", "amount", "currency",
            "expectedCloseDate", "pipeline", "stage", "probability", "status", "lossReason", "owner", "createdAt");

    private final OpportunityManagement opportunities;
    private final SalesSettings settings;
    private final CustomerManagement customers;
    private final OrganizationManagement organization;
    private final MessageSource messages;
    private final CustomFields customFields;
    private final ZoneId zone;

    OpportunityPages(OpportunityManagement opportunities, SalesSettings settings, CustomerManagement customers,
            OrganizationManagement organization, MessageSource messages, CustomFields customFields,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.opportunities = opportunities;
        this.settings = settings;
        this.customers = customers;
        this.organization = organization;
        this.messages = messages;
        this.customFields = customFields;
        this.zone = zone;
    }

    @GetMapping("/opportunities")
    String list(@RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request,
            Model model) {
        CursorPage<OpportunityView> page = opportunities.opportunities(
                ListRequest.from(ListLinks.parameters(request)));
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of(request));
        addCustomFields(model);
        if (htmx != null) {
            return "sales/list :: rows";
        }
        model.addAttribute("statuses", Arrays.stream(OpportunityStatus.values())
                .map(s -> new Option(s.name(), message("opportunity.status." + s))).toList());
        List<PipelineView> pipelines = settings.pipelines();
        model.addAttribute("pipelines", pipelines.stream().map(p -> new Option(p.id().toString(), p.name())).toList());
        model.addAttribute("stages", pipelines.stream().flatMap(p -> p.stages().stream()
                .map(s -> new Option(s.id().toString(), pipelines.size() > 1 ? p.name() + " · " + s.name() : s.name())))
                .toList());
        model.addAttribute("owners", organization.activeUsers().stream()
                .map(u -> new Option(u.id().toString(), u.displayName())).toList());
        model.addAttribute("lossReasons", settings.lossReasons(false).stream()
                .map(r -> new Option(r.id().toString(), r.name())).toList());
        model.addAttribute("campaigns", opportunities.selectableCampaigns().stream()
                .map(c -> new Option(c.id().toString(), c.name())).toList());
        model.addAttribute("campaignsAvailable", opportunities.campaignsAvailable());
        return "sales/list";
    }

    @GetMapping("/opportunities/export")
    void export(@RequestParam(defaultValue = "xlsx") String format, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        List<String> headers = new ArrayList<>(EXPORT_FIELDS.stream().map(f -> message("opportunity.field." + f))
                .toList());
        List<CustomFieldDefinition> extra = customFields.definitions("opportunity");
        var text = customFields.text(LocaleContextHolder.getLocale());
        extra.forEach(f -> headers.add(text.label(f)));
        opportunities.export(ListRequest.from(ListLinks.parameters(request)), Exports.Format.of(format), headers,
                o -> {
                    List<Object> row = new ArrayList<>(Arrays.asList(o.number(), o.name(), o.customerName(),
                            o.amount(), o.currency(), o.expectedCloseDate(), o.pipelineName(), o.stageName(),
                            o.probability(), message("opportunity.status." + o.status()), o.lossReasonName(),
                            o.ownerName(), o.createdAt()));
                    row.addAll(text.texts(extra, o.customFields()));
                    return row;
                }, zone, response);
    }

    @GetMapping("/opportunities/panel")
    String customerPanel(@RequestParam UUID customerId, Model model) {
        customers.customer(customerId);
        model.addAttribute("opportunities", opportunities.opportunitiesOfCustomer(customerId));
        model.addAttribute("customerId", customerId);
        return "sales/panel :: panel";
    }

    @GetMapping("/opportunities/new")
    String newForm(@RequestParam(required = false) UUID customerId, Model model) {
        Permissions.require("opportunity", "create");
        OpportunityForm form = new OpportunityForm();
        form.setCustomerId(customerId);
        return form(form, null, model);
    }

    @PostMapping("/opportunities/new")
    String create(@Valid @ModelAttribute("form") OpportunityForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Permissions.require("opportunity", "create");
        rejectCustomFields(result, customFields.validate("opportunity", form.getCustomFields()));
        if (result.hasErrors()) {
            return form(form, null, model);
        }
        try {
            OpportunityView created = opportunities.create(form.draft());
            redirect.addFlashAttribute("flashSuccess", message("opportunity.created", created.number()));
            return "redirect:/opportunities/" + created.id();
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

    @GetMapping("/opportunities/{id}/edit")
    String editForm(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        Permissions.require("opportunity", "edit");
        OpportunityView view = opportunities.opportunity(id);
        if (!view.editable()) {
            redirect.addFlashAttribute("flashError", message("opportunity.readOnly",
                    message("opportunity.status." + view.status())));
            return "redirect:/opportunities/" + id;
        }
        return form(OpportunityForm.of(view), view, model);
    }

    @PostMapping("/opportunities/{id}/edit")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") OpportunityForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        OpportunityView current = opportunities.opportunity(id);
        rejectCustomFields(result, customFields.validate("opportunity", id, form.getCustomFields()));
        if (result.hasErrors()) {
            return form(form, current, model);
        }
        try {
            OpportunityView saved = opportunities.update(id, form.draft(), false);
            redirect.addFlashAttribute("flashSuccess", message("opportunity.saved", saved.number()));
            return "redirect:/opportunities/" + id;
        }
        catch (BusinessRuleException e) {
            if (e.conflict() && e.field() == null) {
                redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
                return "redirect:/opportunities/" + id;
            }
            FormErrors.reject(result, e);
            return form(form, current, model);
        }
        catch (InvalidInputException e) {
            rejectCustomFields(result, e.problems());
            return form(form, current, model);
        }
        catch (VersionConflictException | ObjectOptimisticLockingFailureException e) {
            FormErrors.rejectVersionConflict(result);
            return form(form, current, model);
        }
    }

    private String form(OpportunityForm form, OpportunityView current, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("opportunity", current);
        if (form.getCustomerId() != null) {
            try {
                model.addAttribute("customer", customers.customer(form.getCustomerId()));
            }
            catch (org.openloop.crm.shared.RecordNotFoundException e) {
                form.setCustomerId(null);
            }
        }
        if (form.getCustomerId() == null) {
            model.addAttribute("customerOptions", customers.customers(ListRequest.from(Map.of("size", "100",
                    "sort", "name"))).items().stream().map(c -> new Option(c.id().toString(),
                            c.number() + " " + c.name())).toList());
        }
        List<PipelineView> pipelines = settings.pipelines().stream().filter(PipelineView::active).toList();
        model.addAttribute("pipelines", pipelines.stream().map(p -> new Option(p.id().toString(), p.name())).toList());
        List<Option> stageOptions = new ArrayList<>();
        for (PipelineView p : pipelines) {
            p.stages().stream().filter(PipelineView.StageView::active).forEach(s -> stageOptions.add(new Option(
                    s.id().toString(), (pipelines.size() > 1 ? p.name() + " · " : "") + s.name() + " ("
                            + s.probability() + "%)")));
        }
        model.addAttribute("stages", stageOptions);
        addCustomFields(model);
        model.addAttribute("stageLocked", current != null && current.status() != OpportunityStatus.OPEN);
        model.addAttribute("campaignsAvailable", opportunities.campaignsAvailable());
        model.addAttribute("campaigns", opportunities.selectableCampaigns().stream()
                .map(c -> new Option(c.id().toString(), c.name())).toList());
        return "sales/form";
    }

    @GetMapping("/opportunities/{id}")
    String detail(@PathVariable UUID id, Model model) {
        OpportunityView view = opportunities.opportunity(id);
        model.addAttribute("opportunity", view);
        model.addAttribute("stageHistory", opportunities.stageHistory(id));
        addCustomFields(model);
        model.addAttribute("lossReasons", settings.lossReasons(true).stream()
                .map(r -> new Option(r.id().toString(), r.name())).toList());
        model.addAttribute("assignees", organization.activeUsers().stream()
                .map(u -> new Option(u.id().toString(), u.choiceLabel())).toList());
        return "sales/detail";
    }

    @GetMapping("/opportunities/{id}/history")
    String history(@PathVariable UUID id, @RequestParam Map<String, String> parameters, HttpServletRequest request,
            Model model) {
        model.addAttribute("history", opportunities.history(id, ListRequest.from(parameters)));
        model.addAttribute("links", ListLinks.of(request));
        return parameters.containsKey("cursor") ? "audit/history :: rows" : "audit/history :: history";
    }

    @PostMapping("/opportunities/{id}/{step:win|lose|close|reopen}")
    String step(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) Long version,
            @RequestParam(required = false) UUID lossReasonId, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        OpportunityAction action = OpportunityAction.valueOf(step.toUpperCase(java.util.Locale.ROOT));
        try {
            OpportunityView view = opportunities.act(id, action, lossReasonId, note, version, false);
            redirect.addFlashAttribute("flashSuccess", message("opportunity.moved", view.number(),
                    message("opportunity.status." + view.status())));
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        catch (VersionConflictException | ObjectOptimisticLockingFailureException e) {
            redirect.addFlashAttribute("flashError", message("opportunity.conflict"));
        }
        return "redirect:/opportunities/" + id;
    }

    @PostMapping("/opportunities/{id}/assign")
    String assign(@PathVariable UUID id, @RequestParam(required = false) UUID assigneeId,
            RedirectAttributes redirect) {
        try {
            OpportunityView view = opportunities.assign(id, assigneeId);
            redirect.addFlashAttribute("flashSuccess", message("opportunity.assigned", view.number(),
                    view.ownerName()));
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        return "redirect:/opportunities/" + id;
    }

    static Map<String, BigDecimal> totals(List<OpportunityView> list) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        totals.put("amount", list.stream().map(OpportunityView::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        totals.put("weighted", list.stream().map(OpportunityView::weightedAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        return totals;
    }

    /** Custom fields (B11) of opportunities for the form, list, filters and detail page. */
    private void addCustomFields(Model model) {
        List<CustomFieldDefinition> definitions = customFields.definitions("opportunity");
        model.addAttribute("customFieldDefs", definitions);
        model.addAttribute("customFieldText", customFields.text(LocaleContextHolder.getLocale()));
        model.addAttribute("customFieldUsers", definitions.stream().anyMatch(f -> f.type() == CustomFieldType.USER)
                ? organization.activeUsers().stream().map(u -> new Option(u.id().toString(), u.displayName())).toList()
                : List.of());
    }

    /** Custom field refusals next to their inputs ({@code customFields[key]}); other refusals as the form shows them. */
    private static void rejectCustomFields(BindingResult result, List<InvalidInputException.FieldProblem> problems) {
        List<InvalidInputException.FieldProblem> others = new ArrayList<>();
        for (InvalidInputException.FieldProblem problem : problems) {
            if (!problem.field().startsWith(CustomFields.ERROR_PREFIX)) {
                others.add(problem);
                continue;
            }
            String field = "customFields[" + problem.field().substring(CustomFields.ERROR_PREFIX.length()) + "]";
            if (!result.hasFieldErrors(field)) {
                result.rejectValue(field, problem.messageKey(), problem.arguments().toArray(), problem.messageKey());
            }
        }
        if (!others.isEmpty()) {
            FormErrors.reject(result, new InvalidInputException(others));
        }
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

package org.openloop.crm.activity.web;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.activity.InteractionChannel;
import org.openloop.crm.activity.InteractionManagement;
import org.openloop.crm.activity.InteractionView;
import org.openloop.crm.activity.TaskView;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.customer.CustomerType;
import org.openloop.crm.customer.CustomerView;
import org.openloop.crm.organization.OrganizationManagement;
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
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/** Interaction pages (C1): list with filters, detail, form (also opened from a customer), the customer's panel. */
@Controller
class InteractionPages {

    /** One option of a select. */
    record Option(String value, String label) {
    }

    private final InteractionManagement interactions;
    private final CustomerManagement customers;
    private final OrganizationManagement organization;
    private final OpportunityManagement opportunities;
    private final MessageSource messages;
    private final ZoneId zone;

    InteractionPages(InteractionManagement interactions, CustomerManagement customers,
            OrganizationManagement organization, OpportunityManagement opportunities, MessageSource messages,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.interactions = interactions;
        this.customers = customers;
        this.organization = organization;
        this.opportunities = opportunities;
        this.messages = messages;
        this.zone = zone;
    }

    @GetMapping("/interactions")
    String list(@RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request,
            Model model) {
        CursorPage<InteractionView> page = interactions.interactions(ListRequest.from(ListLinks.parameters(request)));
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of(request));
        if (htmx != null) {
            return "activity/interactions :: rows";
        }
        model.addAttribute("channels", channels());
        return "activity/interactions";
    }

    @GetMapping("/interactions/export")
    void export(@RequestParam(defaultValue = "xlsx") String format, HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        interactions.export(ListRequest.from(ListLinks.parameters(request)),
                org.openloop.crm.platform.Exports.Format.of(format),
                ActivityExports.INTERACTION_HEADERS.stream().map(h -> message("interaction.field." + h)).toList(),
                i -> ActivityExports.interactionRow(i, this::label), zone, response);
    }

    private String label(Enum<?> value) {
        return value == null ? null : message("interaction.channel." + value.name());
    }

    /**
     * The interactions tab of a customer page or, with {@code opportunityId}, of an opportunity page (only the
     * opportunity's interactions; the opportunity must be visible), loaded from there.
     */
    @GetMapping("/interactions/panel")
    String panel(@RequestParam(required = false) UUID customerId, @RequestParam(required = false) UUID opportunityId,
            Model model) throws MissingServletRequestParameterException {
        Map<String, String> filter;
        if (opportunityId != null) {
            OpportunityRef opportunity = opportunities.ref(opportunityId);
            model.addAttribute("opportunity", opportunity);
            model.addAttribute("newLink", "/interactions/new?customerId=" + opportunity.customerId()
                    + "&opportunityId=" + opportunityId);
            filter = Map.of("opportunityId", opportunityId.toString());
        }
        else if (customerId != null) {
            CustomerView customer = customers.customer(customerId);
            model.addAttribute("customer", customer);
            model.addAttribute("newLink", "/interactions/new?customerId=" + customerId);
            filter = Map.of("customerId", customerId.toString());
        }
        else {
            throw new MissingServletRequestParameterException("customerId", "UUID");
        }
        model.addAttribute("items", interactions.interactions(
                new ListRequest(null, 50, "-occurredAt", null, filter)).items());
        return "activity/interactions-panel :: panel";
    }

    @GetMapping("/interactions/{id}")
    String detail(@PathVariable UUID id, Model model) {
        InteractionView interaction = interactions.interaction(id);
        model.addAttribute("interaction", interaction);
        if (interaction.opportunityId() != null && Permissions.has("opportunity", "view")) {
            try {
                OpportunityRef opportunity = opportunities.ref(interaction.opportunityId());
                model.addAttribute("opportunityLabel", opportunity.number() + " " + opportunity.name());
            }
            catch (RuntimeException e) {
                // an opportunity out of the reader's sight keeps its name hidden
            }
        }
        return "activity/interaction";
    }

    @GetMapping("/interactions/{id}/history")
    String history(@PathVariable UUID id, @RequestParam Map<String, String> parameters, HttpServletRequest request,
            Model model) {
        model.addAttribute("history", interactions.history(id, ListRequest.from(parameters)));
        model.addAttribute("links", ListLinks.of(request));
        return parameters.containsKey("cursor") ? "audit/history :: rows" : "audit/history :: history";
    }

    @GetMapping("/interactions/new")
    String createForm(@RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) UUID opportunityId, Model model) {
        Permissions.require("activity", "create");
        return form(InteractionForm.blank(customerId, opportunityId, zone), null, model);
    }

    @PostMapping("/interactions/new")
    String create(@Validated @ModelAttribute("form") InteractionForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Permissions.require("activity", "create");
        return FormErrors.save(result, () -> {
            InteractionView created = interactions.create(form.toDraft(zone));
            redirect.addFlashAttribute("flashSuccess", message("interaction.saved"));
            return "redirect:/interactions/" + created.id();
        }, () -> form(form, null, model));
    }

    @GetMapping("/interactions/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        Permissions.require("activity", "edit");
        InteractionView view = interactions.interaction(id);
        return form(InteractionForm.of(view, zone), view, model);
    }

    @PostMapping("/interactions/{id}/edit")
    String update(@PathVariable UUID id, @Validated @ModelAttribute("form") InteractionForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Permissions.require("activity", "edit");
        InteractionView view = interactions.interaction(id);
        return FormErrors.save(result, () -> {
            interactions.update(id, form.toDraft(zone), false);
            redirect.addFlashAttribute("flashSuccess", message("interaction.saved"));
            return "redirect:/interactions/" + id;
        }, () -> form(form, view, model));
    }

    @PostMapping("/interactions/{id}/todos/{index}/task")
    String makeTask(@PathVariable UUID id, @PathVariable int index, RedirectAttributes redirect) {
        try {
            TaskView task = interactions.makeTask(id, index);
            redirect.addFlashAttribute("flashSuccess", message("task.saved"));
            return "redirect:/tasks/" + task.id();
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey()));
            return "redirect:/interactions/" + id;
        }
    }

    private String form(InteractionForm form, InteractionView existing, Model model) {
        form.padTodos();
        model.addAttribute("form", form);
        model.addAttribute("interaction", existing);
        model.addAttribute("channels", channels());
        List<Option> users = organization.activeUsers().stream()
                .map(u -> new Option(u.id().toString(), u.displayName())).toList();
        model.addAttribute("users", users);
        model.addAttribute("customerTypes", Arrays.stream(CustomerType.values())
                .map(t -> new Option(t.name(), message("customer.type." + t.name()))).toList());
        CustomerView customer = null;
        if (form.getCustomerId() != null) {
            try {
                customer = customers.customer(form.getCustomerId());
                model.addAttribute("contacts", customers.contactsOf(form.getCustomerId()).stream()
                        .map(c -> new Option(c.id().toString(), c.name())).toList());
            }
            catch (RuntimeException e) {
                // not visible: the facade refuses the save with a field error
            }
        }
        model.addAttribute("opportunityChoices", opportunityChoices(form, existing));
        if (!model.containsAttribute("contacts")) {
            model.addAttribute("contacts", List.of());
        }
        model.addAttribute("customer", customer);
        if (customer == null) {
            model.addAttribute("customerChoices", customers.customers(new ListRequest(null, 100, "name", null,
                    Map.of())).items().stream().map(c -> new Option(c.id().toString(), c.name())).toList());
        }
        return "activity/interaction-form";
    }

    /**
     * The customer's open opportunities (F2: only those accept new activity), plus the one already linked; empty
     * without a customer or without the right to see opportunities.
     */
    private List<Option> opportunityChoices(InteractionForm form, InteractionView existing) {
        if (form.getCustomerId() == null || !Permissions.has("opportunity", "view")) {
            return List.of();
        }
        List<Option> choices = new java.util.ArrayList<>();
        try {
            for (OpportunityRef o : opportunities.openOpportunitiesOf(form.getCustomerId())) {
                choices.add(new Option(o.id().toString(), o.number() + " " + o.name()));
            }
            UUID linked = existing != null ? existing.opportunityId() : null;
            if (linked != null && choices.stream().noneMatch(c -> c.value().equals(linked.toString()))) {
                OpportunityRef o = opportunities.ref(linked);
                choices.add(0, new Option(o.id().toString(), o.number() + " " + o.name()));
            }
        }
        catch (RuntimeException e) {
            // a customer or opportunity out of sight: the facade refuses the save with its own error
        }
        return choices;
    }

    private List<Option> channels() {
        return Arrays.stream(InteractionChannel.values())
                .map(c -> new Option(c.name(), message("interaction.channel." + c.name()))).toList();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

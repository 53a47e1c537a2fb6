package org.openloop.crm.collaboration.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.collaboration.CollaborationAction;
import org.openloop.crm.collaboration.CollaborationDraft;
import org.openloop.crm.collaboration.CollaborationManagement;
import org.openloop.crm.collaboration.CollaborationPriority;
import org.openloop.crm.collaboration.CollaborationState;
import org.openloop.crm.collaboration.CollaborationTaskView;
import org.openloop.crm.collaboration.LogKind;
import org.openloop.crm.collaboration.Satisfaction;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.organization.OrganizationManagement;
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
import org.springframework.format.annotation.DateTimeFormat;
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
import jakarta.validation.Valid;

/** Collaboration pages (E1–E7): list, start form, detail with log and workflow buttons, customer tab, figures. */
@Controller
class CollaborationPages {

    /** One option of a select. */
    record Option(String value, String label) {
    }

    private final CollaborationManagement collaboration;
    private final CustomerManagement customers;
    private final OrganizationManagement organization;
    private final MessageSource messages;
    private final ZoneId zone;
    private final tools.jackson.databind.json.JsonMapper json;

    CollaborationPages(CollaborationManagement collaboration, CustomerManagement customers,
            OrganizationManagement organization, MessageSource messages,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone, tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.collaboration = collaboration;
        this.customers = customers;
        this.organization = organization;
        this.messages = messages;
        this.zone = zone;
    }

    @GetMapping("/collaboration")
    String list(@RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request,
            Model model) {
        CursorPage<CollaborationTaskView> page = collaboration.tasks(ListRequest.from(ListLinks.parameters(request)));
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of(request));
        if (htmx != null) {
            return "collaboration/list :: rows";
        }
        model.addAttribute("states", Arrays.stream(CollaborationState.values())
                .map(s -> new Option(s.name(), message("collaboration.state." + s))).toList());
        model.addAttribute("priorities", Arrays.stream(CollaborationPriority.values())
                .map(p -> new Option(p.name(), message("collaboration.priority." + p))).toList());
        model.addAttribute("involvements", List.of("mine", "asked", "departments").stream()
                .map(i -> new Option(i, message("collaboration.involvement." + i))).toList());
        model.addAttribute("overdueOptions", List.of(new Option("true", message("collaboration.overdue"))));
        return "collaboration/list";
    }

    @GetMapping("/collaboration/panel")
    String customerPanel(@RequestParam UUID customerId, Model model) {
        model.addAttribute("tasks", collaboration.tasksOfCustomer(customerId));
        model.addAttribute("customerId", customerId);
        return "collaboration/panel :: panel";
    }

    @GetMapping("/collaboration/new")
    String newForm(@RequestParam(required = false) UUID customerId, Model model) {
        Permissions.require("collaboration", "create");
        CollaborationForm form = new CollaborationForm();
        form.setCustomerId(customerId);
        return form(form, model);
    }

    @PostMapping("/collaboration/new")
    String create(@Valid @ModelAttribute("form") CollaborationForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return FormErrors.save(result, () -> {
            CollaborationTaskView task = collaboration.create(new CollaborationDraft(form.getCustomerId(),
                    new LinkedHashSet<>(form.getDepartmentIds()), new LinkedHashSet<>(form.getUserIds()),
                    form.getContent(), form.getBackground(), form.getExpectedAt().atZone(zone).toInstant(),
                    form.getResources(), form.getPriority()));
            redirect.addFlashAttribute("flashSuccess", message("collaboration.created", task.number()));
            return "redirect:/collaboration/" + task.id();
        }, () -> form(form, model));
    }

    private String form(CollaborationForm form, Model model) {
        model.addAttribute("form", form);
        if (form.getCustomerId() != null) {
            model.addAttribute("customer", customers.customer(form.getCustomerId()));
        }
        else {
            model.addAttribute("customerOptions", customers.customers(ListRequest.from(Map.of("size", "100",
                    "sort", "name"))).items().stream().map(c -> new Option(c.id().toString(),
                            c.number() + " " + c.name())).toList());
        }
        model.addAttribute("departments", organization.departmentTree().stream()
                .map(d -> new Option(d.id().toString(), "— ".repeat(d.depth()) + d.name())).toList());
        model.addAttribute("users", organization.activeUsers().stream()
                .map(u -> new Option(u.id().toString(), u.displayName()
                        + (u.departmentName() == null ? "" : " · " + u.departmentName()))).toList());
        model.addAttribute("priorities", Arrays.stream(CollaborationPriority.values())
                .map(p -> new Option(p.name(), message("collaboration.priority." + p))).toList());
        return "collaboration/form";
    }

    @GetMapping("/collaboration/{id}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("task", collaboration.task(id));
        model.addAttribute("log", collaboration.logOf(id));
        model.addAttribute("logKinds", Arrays.stream(LogKind.values()).filter(LogKind::manual)
                .map(k -> new Option(k.name(), message("collaboration.log.kind." + k))).toList());
        model.addAttribute("satisfactions", Arrays.stream(Satisfaction.values())
                .map(s -> new Option(s.name(), message("collaboration.satisfaction." + s))).toList());
        return "collaboration/detail";
    }

    @PostMapping("/collaboration/{id}/{step:accept|submit|approve|send-back}")
    String step(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) Long version,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        CollaborationAction action = switch (step) {
            case "accept" -> CollaborationAction.ACCEPT;
            case "submit" -> CollaborationAction.SUBMIT;
            case "approve" -> CollaborationAction.APPROVE;
            default -> CollaborationAction.SEND_BACK;
        };
        return run(id, redirect, () -> {
            CollaborationTaskView task = collaboration.act(id, action, reason, version, false);
            return message("collaboration.moved", task.number(), message("collaboration.state." + task.state()));
        });
    }

    @PostMapping("/collaboration/{id}/escalate")
    String escalate(@PathVariable UUID id, @RequestParam(required = false) Long version,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return run(id, redirect, () -> message("collaboration.escalated",
                collaboration.escalate(id, reason, version, false).number()));
    }

    @PostMapping("/collaboration/{id}/log")
    String log(@PathVariable UUID id, @RequestParam(required = false) LogKind kind,
            @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            collaboration.addLog(id, kind, text);
            return message("collaboration.log.added");
        });
    }

    @PostMapping("/collaboration/{id}/satisfaction")
    String satisfaction(@PathVariable UUID id, @RequestParam(required = false) Long version,
            @RequestParam(required = false) Satisfaction satisfaction,
            @RequestParam(required = false) String finalSolution, RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            collaboration.recordSatisfaction(id, satisfaction, finalSolution, version, false);
            return message("collaboration.satisfaction.recorded");
        });
    }

    @GetMapping("/collaboration/stats")
    String stats(@RequestParam(defaultValue = "week") String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        var stats = collaboration.stats(period, date);
        model.addAttribute("stats", stats);
        model.addAttribute("previous", "month".equals(stats.period()) ? stats.start().minusMonths(1)
                : stats.start().minusWeeks(1));
        model.addAttribute("next", stats.end().plusDays(1));
        model.addAttribute("satisfactions", Satisfaction.values());
        Map<String, Object> chart = new java.util.LinkedHashMap<>();
        chart.put("names", stats.byDepartment().stream().map(r -> r.name()).toList());
        chart.put("count", stats.byDepartment().stream().map(r -> r.count()).toList());
        chart.put("completed", stats.byDepartment().stream().map(r -> r.completed()).toList());
        chart.put("labels", List.of(message("collaboration.stats.count"), message("collaboration.stats.completed")));
        model.addAttribute("chart", json.writeValueAsString(chart));
        return "collaboration/stats";
    }

    private String run(UUID id, RedirectAttributes redirect, java.util.function.Supplier<String> change) {
        try {
            redirect.addFlashAttribute("flashSuccess", change.get());
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        catch (VersionConflictException | ObjectOptimisticLockingFailureException e) {
            redirect.addFlashAttribute("flashError", message("collaboration.conflict"));
        }
        return "redirect:/collaboration/" + id;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

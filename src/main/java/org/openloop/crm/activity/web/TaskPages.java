package org.openloop.crm.activity.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.activity.TaskKind;
import org.openloop.crm.activity.TaskManagement;
import org.openloop.crm.activity.TaskPriority;
import org.openloop.crm.activity.TaskStatus;
import org.openloop.crm.activity.TaskView;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.platform.web.FormErrors;
import org.openloop.crm.platform.web.ListLinks;
import org.openloop.crm.platform.web.Permissions;
import org.openloop.crm.sales.OpportunityManagement;
import org.openloop.crm.sales.OpportunityRef;
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

/** Task pages (D1-D3): "my tasks", the list of tasks in scope (a manager's team), detail and form. */
@Controller
class TaskPages {

    private final TaskManagement tasks;
    private final CustomerManagement customers;
    private final OrganizationManagement organization;
    private final OpportunityManagement opportunities;
    private final MessageSource messages;
    private final ZoneId zone;

    TaskPages(TaskManagement tasks, CustomerManagement customers, OrganizationManagement organization,
            OpportunityManagement opportunities, MessageSource messages,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.tasks = tasks;
        this.customers = customers;
        this.organization = organization;
        this.opportunities = opportunities;
        this.messages = messages;
        this.zone = zone;
    }

    @GetMapping("/tasks")
    String mine(Model model) {
        model.addAttribute("mine", tasks.mine());
        return "activity/my-tasks";
    }

    @GetMapping("/tasks/all")
    String list(@RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request,
            Model model) {
        CursorPage<TaskView> page = tasks.tasks(ListRequest.from(ListLinks.parameters(request)));
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of(request));
        if (htmx != null) {
            return "activity/tasks :: rows";
        }
        model.addAttribute("statuses", options("task.status.", TaskStatus.values()));
        model.addAttribute("kinds", options("task.kind.", TaskKind.values()));
        model.addAttribute("priorities", options("task.priority.", TaskPriority.values()));
        return "activity/tasks";
    }

    @GetMapping("/tasks/export")
    void export(@RequestParam(defaultValue = "xlsx") String format, HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        tasks.export(ListRequest.from(ListLinks.parameters(request)), org.openloop.crm.platform.Exports.Format.of(format),
                ActivityExports.TASK_HEADERS.stream().map(h -> message("task.field." + h)).toList(),
                t -> ActivityExports.taskRow(t, this::label), zone, response);
    }

    private String label(Enum<?> value) {
        if (value == null) {
            return null;
        }
        String prefix = value instanceof TaskKind ? "task.kind." : value instanceof TaskPriority ? "task.priority."
                : "task.status.";
        return message(prefix + value.name());
    }

    @GetMapping("/tasks/{id}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("task", tasks.task(id));
        return "activity/task";
    }

    @GetMapping("/tasks/new")
    String createForm(@RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) UUID opportunityId, Model model) {
        Permissions.require("activity", "create");
        return form(TaskForm.blank(customerId, opportunityId, zone), null, model);
    }

    /** The tasks tab of an opportunity page: the opportunity's tasks in the caller's scope, soonest due first. */
    @GetMapping("/tasks/panel")
    String panel(@RequestParam UUID opportunityId, Model model) {
        OpportunityRef opportunity = opportunities.ref(opportunityId);
        model.addAttribute("opportunity", opportunity);
        model.addAttribute("items", tasks.tasks(new ListRequest(null, 50, "dueAt", null,
                Map.of("opportunityId", opportunityId.toString()))).items());
        return "activity/tasks-panel :: panel";
    }

    @PostMapping("/tasks/new")
    String create(@Validated @ModelAttribute("form") TaskForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Permissions.require("activity", "create");
        return FormErrors.save(result, () -> {
            TaskView created = tasks.create(form.toDraft(zone, null));
            redirect.addFlashAttribute("flashSuccess", message("task.saved"));
            return "redirect:/tasks/" + created.id();
        }, () -> form(form, null, model));
    }

    @GetMapping("/tasks/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        Permissions.require("activity", "edit");
        TaskView task = tasks.task(id);
        return form(TaskForm.of(task, zone), task, model);
    }

    @PostMapping("/tasks/{id}/edit")
    String update(@PathVariable UUID id, @Validated @ModelAttribute("form") TaskForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Permissions.require("activity", "edit");
        TaskView task = tasks.task(id);
        return FormErrors.save(result, () -> {
            tasks.update(id, form.toDraft(zone, task), false);
            redirect.addFlashAttribute("flashSuccess", message("task.saved"));
            return "redirect:/tasks/" + id;
        }, () -> form(form, task, model));
    }

    private String form(TaskForm form, TaskView existing, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("task", existing);
        model.addAttribute("statuses", options("task.status.", TaskStatus.values()));
        model.addAttribute("kinds", options("task.kind.", TaskKind.values()));
        model.addAttribute("priorities", options("task.priority.", TaskPriority.values()));
        List<InteractionPages.Option> customerChoices = new ArrayList<>(customers.customers(
                new ListRequest(null, 100, "name", null, Map.of())).items().stream()
                .map(c -> new InteractionPages.Option(c.id().toString(), c.name())).toList());
        if (form.getCustomerId() != null && customerChoices.stream()
                .noneMatch(o -> o.value().equals(form.getCustomerId().toString()))) {
            customers.names(List.of(form.getCustomerId())).forEach((id, name) -> customerChoices.add(0,
                    new InteractionPages.Option(id.toString(), name)));
        }
        model.addAttribute("customerChoices", customerChoices);
        boolean mayAssign = Permissions.has("activity", "assign");
        model.addAttribute("mayAssign", mayAssign);
        if (mayAssign) {
            model.addAttribute("assignees", organization.activeUsers().stream()
                    .map(u -> new InteractionPages.Option(u.id().toString(), u.displayName())).toList());
        }
        return "activity/task-form";
    }

    private List<InteractionPages.Option> options(String prefix, Enum<?>[] values) {
        return Arrays.stream(values).map(v -> new InteractionPages.Option(v.name(), message(prefix + v.name())))
                .toList();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

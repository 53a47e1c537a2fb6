package org.openloop.crm.organization.web;

import java.util.List;
import java.util.UUID;

import org.openloop.crm.organization.DepartmentSummary;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.platform.web.FormErrors;
import org.openloop.crm.platform.web.Permissions;
import org.openloop.crm.shared.BusinessRuleException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Department pages (A1): the tree as an indented table with coordinators (部门协调人) and member counts, forms, and
 * deleting empty departments. The tree itself is readable by everyone (pickers), so these pages check
 * {@code organization:view} themselves.
 */
@Controller
class DepartmentPages {

    private static final String MODULE = "organization";

    private final OrganizationManagement organization;
    private final MessageSource messages;

    DepartmentPages(OrganizationManagement organization, MessageSource messages) {
        this.organization = organization;
        this.messages = messages;
    }

    @GetMapping("/organization/departments")
    String list(Model model) {
        Permissions.require(MODULE, "view");
        model.addAttribute("departments", organization.departmentTree());
        model.addAttribute("tree", new TreeView());
        return "organization/departments";
    }

    @GetMapping("/organization/departments/new")
    String createForm(Model model) {
        Permissions.require(MODULE, "create");
        return form(new DepartmentForm(), null, model);
    }

    @PostMapping("/organization/departments/new")
    String create(@Validated @ModelAttribute("form") DepartmentForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Permissions.require(MODULE, "create");
        return FormErrors.save(result, () -> {
            DepartmentSummary created = organization.createDepartment(form.toDraft());
            redirect.addFlashAttribute("flashSuccess", message("department.created", created.name()));
            return "redirect:/organization/departments";
        }, () -> form(form, null, model));
    }

    @GetMapping("/organization/departments/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        Permissions.require(MODULE, "edit");
        DepartmentSummary department = organization.department(id);
        return form(DepartmentForm.of(department), department, model);
    }

    @PostMapping("/organization/departments/{id}/edit")
    String update(@PathVariable UUID id, @Validated @ModelAttribute("form") DepartmentForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Permissions.require(MODULE, "edit");
        DepartmentSummary department = organization.department(id);
        return FormErrors.save(result, () -> {
            DepartmentSummary updated = organization.updateDepartment(id, form.toDraft(), false);
            redirect.addFlashAttribute("flashSuccess", message("department.saved", updated.name()));
            return "redirect:/organization/departments";
        }, () -> form(form, department, model));
    }

    @PostMapping("/organization/departments/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        DepartmentSummary department = organization.department(id);
        try {
            organization.deleteDepartment(id);
            redirect.addFlashAttribute("flashSuccess", message("department.deleted", department.name()));
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        return "redirect:/organization/departments";
    }

    private String form(DepartmentForm form, DepartmentSummary department, Model model) {
        List<DepartmentSummary> tree = organization.departmentTree();
        model.addAttribute("form", form);
        model.addAttribute("department", department);
        model.addAttribute("parents", DepartmentChoices.options(
                department == null ? tree : DepartmentChoices.withoutSubtree(tree, department.id())));
        model.addAttribute("coordinators", organization.activeUsers().stream()
                .map(u -> new Option(u.id().toString(), u.choiceLabel())).toList());
        return "organization/department-form";
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

    /** Template helper for the tree table ({@code ${tree.indent(d.depth())}}). */
    static final class TreeView {

        public String indent(int depth) {
            return DepartmentChoices.indentClass(depth);
        }
    }
}

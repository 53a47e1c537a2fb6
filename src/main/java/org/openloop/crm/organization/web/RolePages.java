package org.openloop.crm.organization.web;

import java.util.Arrays;
import java.util.UUID;

import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.organization.RoleSummary;
import org.openloop.crm.platform.web.FormErrors;
import org.openloop.crm.platform.web.Permissions;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.DataScope;
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
 * Role pages (A2, A3, A4): list, create and edit with the permission matrix, delete of unused custom roles. The
 * administrator role always holds every permission and is shown read-only.
 */
@Controller
class RolePages {

    private static final String MODULE = "organization";

    private final OrganizationManagement organization;
    private final MessageSource messages;

    RolePages(OrganizationManagement organization, MessageSource messages) {
        this.organization = organization;
        this.messages = messages;
    }

    @GetMapping("/organization/roles")
    String list(Model model) {
        model.addAttribute("roles", organization.roles());
        return "organization/roles";
    }

    @GetMapping("/organization/roles/new")
    String createForm(Model model) {
        Permissions.require(MODULE, "create");
        return form(new RoleForm(), null, model);
    }

    @PostMapping("/organization/roles/new")
    String create(@Validated @ModelAttribute("form") RoleForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Permissions.require(MODULE, "create");
        if (form.getCode() == null && !result.hasFieldErrors("code")) {
            result.rejectValue("code", "role.code.pattern", "role.code.pattern");
        }
        return FormErrors.save(result, () -> {
            RoleSummary created = organization.createRole(form.toDraft());
            redirect.addFlashAttribute("flashSuccess", message("role.created", created.name()));
            return "redirect:/organization/roles";
        }, () -> form(form, null, model));
    }

    /** The edit form, or for the administrator role the same form read-only. */
    @GetMapping("/organization/roles/{id}")
    String editForm(@PathVariable UUID id, Model model) {
        RoleSummary role = organization.role(id);
        if (!isAdmin(role)) {
            Permissions.require(MODULE, "edit");
        }
        return form(RoleForm.of(role), role, model);
    }

    @PostMapping("/organization/roles/{id}")
    String update(@PathVariable UUID id, @Validated @ModelAttribute("form") RoleForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Permissions.require(MODULE, "edit");
        RoleSummary role = organization.role(id);
        // The code is fixed after creation; the edit form shows it but does not post it.
        form.setCode(role.code());
        if (isAdmin(role)) {
            // The facade refuses too, but on the code field, which the edit form only shows read-only.
            result.reject("role.admin.fixed", "role.admin.fixed");
        }
        return FormErrors.save(result, () -> {
            RoleSummary updated = organization.updateRole(id, form.toDraft(), false);
            redirect.addFlashAttribute("flashSuccess", message("role.saved", updated.name()));
            return "redirect:/organization/roles";
        }, () -> form(form, role, model));
    }

    @PostMapping("/organization/roles/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        RoleSummary role = organization.role(id);
        try {
            organization.deleteRole(id);
            redirect.addFlashAttribute("flashSuccess", message("role.deleted", role.name()));
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        return "redirect:/organization/roles";
    }

    private String form(RoleForm form, RoleSummary role, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("role", role);
        model.addAttribute("readOnly", role != null && isAdmin(role));
        model.addAttribute("matrix", PermissionMatrix.of(form.getPermissions()));
        model.addAttribute("scopes", Arrays.stream(DataScope.Level.values())
                .map(level -> new Option(level.name(), message("role.scope." + level.name()))).toList());
        return "organization/role-form";
    }

    private static boolean isAdmin(RoleSummary role) {
        return role.administrator();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

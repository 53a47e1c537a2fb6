package org.openloop.crm.organization.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.organization.RoleSummary;
import org.openloop.crm.organization.UserSummary;
import org.openloop.crm.platform.web.FormErrors;
import org.openloop.crm.platform.web.ListLinks;
import org.openloop.crm.platform.web.Permissions;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.ListRequest;
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

/** User pages (A1): list, detail with history, create and edit forms, deactivate and reactivate. */
@Controller
class UserPages {

    private static final String MODULE = "organization";

    private final OrganizationManagement organization;
    private final MessageSource messages;

    UserPages(OrganizationManagement organization, MessageSource messages) {
        this.organization = organization;
        this.messages = messages;
    }

    @GetMapping("/organization/users")
    String list(@RequestParam Map<String, String> parameters,
            @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request,
            Model model) {
        model.addAttribute("page", organization.users(ListRequest.from(parameters)));
        model.addAttribute("links", ListLinks.of(request));
        model.addAttribute("roleNames", roleNames());
        if (htmx != null) {
            return "organization/users :: rows";
        }
        model.addAttribute("departments", DepartmentChoices.options(organization.departmentTree()));
        model.addAttribute("roles", organization.roleChoices().stream()
                .map(r -> new Option(r.id().toString(), r.name())).toList());
        model.addAttribute("activeOptions", List.of(new Option("true", message("user.status.active")),
                new Option("false", message("user.status.inactive"))));
        return "organization/users";
    }

    @GetMapping("/organization/users/{id}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("user", organization.user(id));
        model.addAttribute("roleNames", roleNames());
        return "organization/user";
    }

    @GetMapping("/organization/users/{id}/history")
    String history(@PathVariable UUID id, @RequestParam Map<String, String> parameters, HttpServletRequest request,
            Model model) {
        model.addAttribute("history", organization.userHistory(id, ListRequest.from(parameters)));
        model.addAttribute("links", ListLinks.of(request));
        return parameters.containsKey("cursor") ? "audit/history :: rows" : "audit/history :: history";
    }

    @GetMapping("/organization/users/new")
    String createForm(Model model) {
        Permissions.require(MODULE, "create");
        return form(new UserForm(), null, model);
    }

    @PostMapping("/organization/users/new")
    String create(@Validated @ModelAttribute("form") UserForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Permissions.require(MODULE, "create");
        return FormErrors.save(result, () -> {
            UserSummary created = organization.createUser(form.toNewDraft());
            redirect.addFlashAttribute("flashSuccess", message("user.created", created.displayName()));
            return "redirect:/organization/users/" + created.id();
        }, () -> form(form, null, model));
    }

    @GetMapping("/organization/users/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        Permissions.require(MODULE, "edit");
        UserSummary user = organization.user(id);
        return form(UserForm.of(user, roleIdsByCode()), user, model);
    }

    @PostMapping("/organization/users/{id}/edit")
    String update(@PathVariable UUID id, @Validated @ModelAttribute("form") UserForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Permissions.require(MODULE, "edit");
        UserSummary user = organization.user(id);
        return FormErrors.save(result, () -> {
            UserSummary updated = organization.updateUser(id, form.toUpdateDraft(), false);
            redirect.addFlashAttribute("flashSuccess", message("user.saved", updated.displayName()));
            return "redirect:/organization/users/" + id;
        }, () -> form(form, user, model));
    }

    @PostMapping("/organization/users/{id}/deactivate")
    String deactivate(@PathVariable UUID id, RedirectAttributes redirect) {
        return setActive(id, false, redirect);
    }

    @PostMapping("/organization/users/{id}/reactivate")
    String reactivate(@PathVariable UUID id, RedirectAttributes redirect) {
        return setActive(id, true, redirect);
    }

    private String setActive(UUID id, boolean active, RedirectAttributes redirect) {
        try {
            UserSummary user = organization.setActive(id, active);
            redirect.addFlashAttribute("flashSuccess",
                    message(active ? "user.reactivated" : "user.deactivated", user.displayName()));
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        return "redirect:/organization/users/" + id;
    }

    private String form(UserForm form, UserSummary user, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("user", user);
        model.addAttribute("departments", DepartmentChoices.options(organization.departmentTree()));
        model.addAttribute("managers", organization.activeUsers().stream()
                .filter(u -> user == null || !u.id().equals(user.id()))
                .map(u -> new Option(u.id().toString(), u.choiceLabel())).toList());
        model.addAttribute("roles", organization.roleChoices().stream()
                .map(r -> new Option(r.id().toString(), r.name())).toList());
        return "organization/user-form";
    }

    private Map<String, String> roleNames() {
        return organization.roleChoices().stream().collect(Collectors.toMap(RoleSummary::code, RoleSummary::name));
    }

    private Map<String, UUID> roleIdsByCode() {
        return organization.roleChoices().stream().collect(Collectors.toMap(RoleSummary::code, RoleSummary::id));
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

package org.openloop.crm.organization.web;

import java.util.UUID;

import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.platform.ApiTokenManagement;
import org.openloop.crm.platform.web.FormErrors;
import org.openloop.crm.shared.CrmPrincipal;
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
 * The signed-in user's own page (K3, K5): their details, changing their password and their personal API tokens.
 * Every signed-in user may use it; it only ever touches the caller's own account and tokens.
 */
@Controller
class ProfilePages {

    private final OrganizationManagement organization;
    private final ApiTokenManagement tokens;
    private final MessageSource messages;

    ProfilePages(OrganizationManagement organization, ApiTokenManagement tokens, MessageSource messages) {
        this.organization = organization;
        this.tokens = tokens;
        this.messages = messages;
    }

    @GetMapping("/profile")
    String profile(Model model) {
        return page(new PasswordForm(), new TokenForm(), model);
    }

    @PostMapping("/profile/password")
    String changePassword(@Validated @ModelAttribute("passwordForm") PasswordForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (!result.hasFieldErrors("repeatPassword") && !form.repeated()) {
            result.rejectValue("repeatPassword", "password.repeat.mismatch", "password.repeat.mismatch");
        }
        return FormErrors.save(result, () -> {
            organization.changeOwnPassword(currentUser(), form.getCurrentPassword(), form.getNewPassword());
            redirect.addFlashAttribute("flashSuccess", message("profile.password.changed"));
            return "redirect:/profile";
        }, () -> page(form, new TokenForm(), model));
    }

    @PostMapping("/profile/tokens")
    String createToken(@Validated @ModelAttribute("tokenForm") TokenForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return FormErrors.save(result, () -> {
            ApiTokenManagement.CreatedToken created = tokens.create(currentUser(), form.getName());
            // A flash attribute lives for exactly one page view: the secret is shown once and never again.
            redirect.addFlashAttribute("createdToken", created);
            redirect.addFlashAttribute("flashSuccess", message("token.created", created.name()));
            return "redirect:/profile#tokens";
        }, () -> page(new PasswordForm(), form, model));
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revokeToken(@PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(currentUser(), id);
        redirect.addFlashAttribute("flashSuccess", message("token.revoked"));
        return "redirect:/profile#tokens";
    }

    private String page(PasswordForm passwordForm, TokenForm tokenForm, Model model) {
        model.addAttribute("account", organization.ownAccount());
        model.addAttribute("roleNames", organization.roleChoices().stream()
                .collect(java.util.stream.Collectors.toMap(r -> r.code(), r -> r.name())));
        model.addAttribute("tokens", tokens.list(currentUser()));
        model.addAttribute("passwordForm", passwordForm);
        model.addAttribute("tokenForm", tokenForm);
        return "organization/profile";
    }

    private static UUID currentUser() {
        return CrmPrincipal.current().map(CrmPrincipal::userId).orElseThrow();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

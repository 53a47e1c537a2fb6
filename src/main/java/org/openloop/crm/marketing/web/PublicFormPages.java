package org.openloop.crm.marketing.web;

import org.openloop.crm.marketing.PublicForm;
import org.openloop.crm.marketing.WebToLead;
import org.openloop.crm.marketing.internal.FormRateLimiter;
import org.openloop.crm.platform.web.FormErrors;
import org.openloop.crm.shared.InvalidInputException;
import org.openloop.crm.shared.RecordNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public web-to-lead form (J2) at {@code /public/forms/{token}}, without login and without the application's
 * navigation. Unknown token or switched-off form: 404. Honeypot filled: the thank-you page, nothing stored. Too many
 * posts: 429 with a friendly page. Everything typed is shown back escaped only.
 */
@Controller
class PublicFormPages {

    private final WebToLead webToLead;
    private final FormRateLimiter limiter;

    PublicFormPages(WebToLead webToLead, FormRateLimiter limiter) {
        this.webToLead = webToLead;
        this.limiter = limiter;
    }

    /** Only the visible fields and the honeypot are bound; owner, type, level and the like never reach the form. */
    @InitBinder("lead")
    void allowOnly(WebDataBinder binder) {
        binder.setAllowedFields("companyName", "contactName", "mobile", "email", "message", "consent", "website");
    }

    @GetMapping("/public/forms/{token}")
    String form(@PathVariable String token, Model model) {
        model.addAttribute("form", open(token));
        model.addAttribute("lead", new PublicLeadForm());
        model.addAttribute("token", token);
        return "marketing/public-form";
    }

    @PostMapping("/public/forms/{token}")
    String submit(@PathVariable String token, @ModelAttribute("lead") PublicLeadForm lead, BindingResult result,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        PublicForm form = open(token);
        model.addAttribute("form", form);
        model.addAttribute("token", token);
        if (!limiter.tryAcquire(request.getRemoteAddr(), token)) {
            response.setStatus(429);
            response.setHeader("Retry-After", "600");
            return "marketing/public-limited";
        }
        if (lead.trapped()) {
            return "redirect:/public/forms/" + token + "/thanks";
        }
        try {
            webToLead.submit(token, lead.submission());
        }
        catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            response.setStatus(400);
            return "marketing/public-form";
        }
        return "redirect:/public/forms/" + token + "/thanks";
    }

    @GetMapping("/public/forms/{token}/thanks")
    String thanks(@PathVariable String token, Model model) {
        model.addAttribute("form", open(token));
        model.addAttribute("token", token);
        return "marketing/public-thanks";
    }

    private PublicForm open(String token) {
        return webToLead.form(token).orElseThrow(() -> new RecordNotFoundException("campaignForm", "-"));
    }
}

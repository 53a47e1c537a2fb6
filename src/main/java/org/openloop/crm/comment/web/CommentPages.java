package org.openloop.crm.comment.web;

import java.util.UUID;

import org.openloop.crm.comment.CommentManagement;
import org.openloop.crm.shared.BusinessRuleException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The comments panel a record page loads into a tab (E8), and adding a comment from it. */
@Controller
class CommentPages {

    private final CommentManagement comments;
    private final MessageSource messages;

    CommentPages(CommentManagement comments, MessageSource messages) {
        this.comments = comments;
        this.messages = messages;
    }

    @GetMapping("/comments/panel")
    String panel(@RequestParam String recordType, @RequestParam UUID recordId, Model model) {
        return render(recordType, recordId, model);
    }

    @PostMapping("/comments")
    String add(@RequestParam String recordType, @RequestParam UUID recordId,
            @RequestParam(required = false) String text,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        String error = null;
        try {
            comments.add(recordType, recordId, text);
        }
        catch (BusinessRuleException e) {
            error = messages.getMessage(e.messageKey(), e.arguments(), LocaleContextHolder.getLocale());
        }
        if (htmx == null) {
            if (error != null) {
                redirect.addFlashAttribute("flashError", error);
            }
            return "redirect:" + comments.linkOf(recordType, recordId);
        }
        model.addAttribute("commentError", error);
        model.addAttribute("draft", error == null ? "" : text);
        return render(recordType, recordId, model);
    }

    private String render(String recordType, UUID recordId, Model model) {
        model.addAttribute("comments", comments.commentsOn(recordType, recordId));
        model.addAttribute("recordType", recordType);
        model.addAttribute("recordId", recordId);
        return "comment/panel :: panel";
    }
}

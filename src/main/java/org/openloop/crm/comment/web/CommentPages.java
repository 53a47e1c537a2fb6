package org.openloop.crm.comment.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openloop.crm.comment.CommentManagement;
import org.openloop.crm.comment.CommentView;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The comments panel a record page loads into a tab (E8): adding a comment, and its author editing (in place, one
 * comment at a time) or deleting it. With htmx each post answers the panel again; without, it goes back to the
 * record's page.
 */
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
            RedirectAttributes redirect) {
        String error = null;
        try {
            comments.add(recordType, recordId, text);
        }
        catch (BusinessRuleException e) {
            error = message(e);
        }
        if (htmx == null) {
            return back(recordType, recordId, error, redirect);
        }
        model.addAttribute("commentError", error);
        model.addAttribute("draft", error == null ? "" : text);
        return render(recordType, recordId, model);
    }

    /** The panel with one of the caller's comments open for editing. */
    @GetMapping("/comments/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        CommentView comment = comments.comment(id);
        if (!comments.mayEdit(comment)) {
            throw new AccessDeniedException("not the author of comment " + id);
        }
        editing(comment.id(), comment.text(), comment.version(), null, model);
        return render(comment.recordType(), comment.recordId(), model);
    }

    @PostMapping("/comments/{id}")
    String saveEdit(@PathVariable UUID id, @RequestParam(required = false) String text,
            @RequestParam(required = false) Long version,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        CommentView comment = comments.comment(id);
        String error = null;
        try {
            comments.edit(id, text, version, false);
        }
        catch (BusinessRuleException e) {
            error = message(e);
        }
        catch (VersionConflictException | ObjectOptimisticLockingFailureException e) {
            error = messages.getMessage("problem.versionConflict", null, LocaleContextHolder.getLocale());
        }
        if (htmx == null) {
            return back(comment.recordType(), comment.recordId(), error, redirect);
        }
        if (error != null) {
            editing(id, text, version, error, model);
        }
        return render(comment.recordType(), comment.recordId(), model);
    }

    @PostMapping("/comments/{id}/delete")
    String delete(@PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        CommentView comment = comments.comment(id);
        comments.delete(id);
        if (htmx == null) {
            return "redirect:" + comments.linkOf(comment.recordType(), comment.recordId());
        }
        return render(comment.recordType(), comment.recordId(), model);
    }

    private void editing(UUID id, String text, Long version, String error, Model model) {
        model.addAttribute("editingId", id);
        model.addAttribute("editDraft", text);
        model.addAttribute("editVersion", version);
        model.addAttribute("editError", error);
    }

    private String back(String recordType, UUID recordId, String error, RedirectAttributes redirect) {
        if (error != null) {
            redirect.addFlashAttribute("flashError", error);
        }
        return "redirect:" + comments.linkOf(recordType, recordId);
    }

    private String message(BusinessRuleException e) {
        return messages.getMessage(e.messageKey(), e.arguments(), LocaleContextHolder.getLocale());
    }

    private String render(String recordType, UUID recordId, Model model) {
        List<CommentView> shown = comments.commentsOn(recordType, recordId);
        Set<UUID> editable = shown.stream().filter(comments::mayEdit).map(CommentView::id).collect(Collectors.toSet());
        Set<UUID> deletable = shown.stream().filter(comments::mayDelete).map(CommentView::id)
                .collect(Collectors.toSet());
        model.addAttribute("comments", shown);
        model.addAttribute("editable", editable);
        model.addAttribute("deletable", deletable);
        model.addAttribute("recordType", recordType);
        model.addAttribute("recordId", recordId);
        return "comment/panel :: panel";
    }
}

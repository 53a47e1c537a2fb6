package org.openloop.crm.platform.web;

import java.util.UUID;

import org.openloop.crm.platform.SavedListViews;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.RecordNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "saved views" menu of every list page (B1): save the current filters under a name, delete a view. Both go back
 * to the list they came from — only ever a path of this application, never another site.
 */
@Controller
class SavedViewPages {

    private final SavedListViews views;
    private final MessageSource messages;

    SavedViewPages(SavedListViews views, MessageSource messages) {
        this.views = views;
        this.messages = messages;
    }

    @PostMapping("/saved-views")
    String save(@RequestParam String list, @RequestParam(required = false) String name,
            @RequestParam(required = false, defaultValue = "") String query, @RequestParam String back,
            RedirectAttributes redirect) {
        try {
            SavedListViews.SavedListView saved = views.save(list, name, SavedListViews.parse(query));
            redirect.addFlashAttribute("flashSuccess", message("savedView.saved", saved.name()));
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        return "redirect:" + localPath(back);
    }

    @PostMapping("/saved-views/{id}/delete")
    String delete(@PathVariable UUID id, @RequestParam String back, RedirectAttributes redirect) {
        try {
            views.delete(id);
            redirect.addFlashAttribute("flashSuccess", message("savedView.deleted"));
        } catch (RecordNotFoundException e) {
            redirect.addFlashAttribute("flashError", message("savedView.notFound"));
        }
        return "redirect:" + localPath(back);
    }

    /** A path inside this application; anything else (another host, a scheme, a protocol-relative URL) goes home. */
    static String localPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
                || back.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return back;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

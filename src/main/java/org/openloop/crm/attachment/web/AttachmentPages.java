package org.openloop.crm.attachment.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import org.openloop.crm.attachment.AttachmentManagement;
import org.openloop.crm.attachment.AttachmentSummary;
import org.openloop.crm.shared.BusinessRuleException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The attachments panel that record pages load into a tab (htmx), its upload and delete actions, which answer with
 * the panel again (with a success or error message), and the download link for signed-in users.
 */
@Controller
class AttachmentPages {

    static final String PANEL = "attachment/panel :: panel";

    private final AttachmentManagement attachments;

    AttachmentPages(AttachmentManagement attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/attachments/panel")
    String show(@RequestParam String recordType, @RequestParam UUID recordId, Model model) {
        return panel(recordType, recordId, model);
    }

    /** Oversized files are stopped in the browser first (app.js, data-max-bytes); the server answers 413. */
    @PostMapping("/attachments/panel")
    String upload(@RequestParam String recordType, @RequestParam UUID recordId,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank()))) {
            model.addAttribute("errorKey", "attachment.error.missing");
            return panel(recordType, recordId, model);
        }
        try (InputStream content = file.getInputStream()) {
            AttachmentSummary created = attachments.upload(recordType, recordId, file.getOriginalFilename(),
                    file.getSize(), content);
            model.addAttribute("successKey", "attachment.uploaded");
            model.addAttribute("successArgument", created.fileName());
        }
        catch (BusinessRuleException e) {
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
        }
        return panel(recordType, recordId, model);
    }

    @PostMapping("/attachments/{id}/delete")
    String delete(@PathVariable UUID id, Model model) {
        AttachmentSummary deleted = attachments.delete(id);
        model.addAttribute("successKey", "attachment.deleted");
        model.addAttribute("successArgument", deleted.fileName());
        return panel(deleted.recordType(), deleted.recordId(), model);
    }

    @GetMapping("/attachments/{id}/content")
    void download(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        Downloads.send(attachments.open(id), response);
    }

    private String panel(String recordType, UUID recordId, Model model) {
        model.addAttribute("attachments", attachments.list(recordType, recordId));
        model.addAttribute("recordType", recordType);
        model.addAttribute("recordId", recordId);
        model.addAttribute("canEdit", attachments.canEdit(recordType, recordId));
        model.addAttribute("maxSize", AttachmentManagement.displaySize(attachments.maxSize().toBytes()));
        model.addAttribute("allowedExtensions", String.join(", ", attachments.allowedExtensions()));
        model.addAttribute("accept",
                String.join(",", attachments.allowedExtensions().stream().map(e -> "." + e).toList()));
        model.addAttribute("maxBytes", attachments.maxSize().toBytes());
        return PANEL;
    }
}

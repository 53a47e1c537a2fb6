package org.openloop.crm.attachment.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

import org.openloop.crm.attachment.AttachmentManagement;
import org.openloop.crm.attachment.AttachmentSummary;
import org.openloop.crm.shared.CursorPage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** Attachments over REST (B8). Access follows the owning record: invisible records and their files answer 404. */
@RestController
@RequestMapping("/api/v1/attachments")
@Tag(name = "Attachments")
class AttachmentApiController {

    private final AttachmentManagement attachments;

    AttachmentApiController(AttachmentManagement attachments) {
        this.attachments = attachments;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a file to a record the caller may edit", description = "Multipart fields recordType "
            + "(customer, contact …), recordId and file. The content must match the extension (magic bytes).")
    ResponseEntity<AttachmentSummary> upload(@RequestParam String recordType, @RequestParam UUID recordId,
            @RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream content = file.getInputStream()) {
            AttachmentSummary created = attachments.upload(recordType, recordId, file.getOriginalFilename(),
                    file.getSize(), content);
            return ResponseEntity.created(URI.create("/api/v1/attachments/" + created.id())).body(created);
        }
    }

    @GetMapping
    @Operation(summary = "The attachments of a record, newest first")
    CursorPage<AttachmentSummary> list(@RequestParam String recordType, @RequestParam UUID recordId) {
        return new CursorPage<>(attachments.list(recordType, recordId), null);
    }

    @GetMapping("/{id}")
    AttachmentSummary get(@PathVariable UUID id) {
        return attachments.attachment(id);
    }

    @GetMapping("/{id}/content")
    @Operation(summary = "Download the content (always application/octet-stream as an attachment)")
    void download(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        Downloads.send(attachments.open(id), response);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        attachments.delete(id);
        return ResponseEntity.noContent().build();
    }
}

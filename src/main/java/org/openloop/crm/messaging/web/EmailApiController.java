package org.openloop.crm.messaging.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.messaging.EmailDraft;
import org.openloop.crm.messaging.EmailManagement;
import org.openloop.crm.messaging.EmailNotSentException;
import org.openloop.crm.messaging.EmailTemplateManagement;
import org.openloop.crm.messaging.EmailView;
import org.openloop.crm.messaging.TemplateDraft;
import org.openloop.crm.messaging.TemplateView;
import org.openloop.crm.platform.ApiVersions;
import org.openloop.crm.platform.IdempotentCreates;
import org.openloop.crm.platform.web.ProblemResponses;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** E-mail over REST (C3): send to a contact, read a mail, the review list of unknown senders, templates. */
@RestController
@Tag(name = "E-mail")
class EmailApiController {

    private final EmailManagement mail;
    private final EmailTemplateManagement templates;
    private final IdempotentCreates idempotent;
    private final ProblemResponses problems;

    EmailApiController(EmailManagement mail, EmailTemplateManagement templates, IdempotentCreates idempotent,
            ProblemResponses problems) {
        this.mail = mail;
        this.templates = templates;
        this.idempotent = idempotent;
        this.problems = problems;
    }

    /** Body of assign requests. */
    record Assignment(UUID customerId) {
    }

    @PostMapping("/api/v1/emails")
    @Operation(summary = "Send an e-mail to a contact", description = "Sent synchronously through the configured "
            + "SMTP server and logged on the contact's customer. 503 with the stored FAILED mail's id when the mail "
            + "server refused it.")
    ResponseEntity<?> send(@RequestBody EmailDraft draft,
            @RequestHeader(name = IdempotentCreates.HEADER, required = false) String idempotencyKey) {
        return idempotent.create(idempotencyKey, "/api/v1/emails", () -> {
            EmailView sent = mail.send(draft);
            return ResponseEntity.created(URI.create("/api/v1/emails/" + sent.id())).body(sent);
        });
    }

    @GetMapping("/api/v1/emails/{id}")
    EmailView get(@PathVariable UUID id) {
        return mail.mail(id);
    }

    @GetMapping("/api/v1/emails/review")
    @Operation(summary = "Received mail from unknown addresses, newest first, keyset paged")
    CursorPage<EmailView> review(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return mail.review(ListRequest.from(parameters));
    }

    @PostMapping("/api/v1/emails/{id}/assign")
    EmailView assign(@PathVariable UUID id, @RequestBody Assignment assignment) {
        return mail.assign(id, assignment.customerId());
    }

    @PostMapping("/api/v1/emails/{id}/discard")
    EmailView discard(@PathVariable UUID id) {
        return mail.discard(id);
    }

    @GetMapping("/api/v1/email-templates")
    java.util.List<TemplateView> templates() {
        return templates.templates();
    }

    @GetMapping("/api/v1/email-templates/{id}")
    ResponseEntity<TemplateView> template(@PathVariable UUID id) {
        TemplateView template = templates.template(id);
        return ApiVersions.ok(template, template.version());
    }

    @PostMapping("/api/v1/email-templates")
    @Operation(summary = "Create an e-mail template (administrators)")
    ResponseEntity<TemplateView> createTemplate(@RequestBody TemplateDraft draft) {
        TemplateView created = templates.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/email-templates/" + created.id())).body(created);
    }

    @PutMapping("/api/v1/email-templates/{id}")
    ResponseEntity<TemplateView> updateTemplate(@PathVariable UUID id, @RequestBody TemplateDraft draft,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, draft.version());
        TemplateView updated = templates.update(id,
                new TemplateDraft(draft.name(), draft.subject(), draft.body(), expected.version()),
                expected.fromIfMatch());
        return ApiVersions.ok(updated, updated.version());
    }

    @DeleteMapping("/api/v1/email-templates/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteTemplate(@PathVariable UUID id) {
        templates.delete(id);
    }

    /** The mail server refused the mail: 503, the reason, and the id of the mail stored as FAILED. */
    @ExceptionHandler(EmailNotSentException.class)
    ProblemDetail notSent(HttpServletRequest request, EmailNotSentException e) {
        ProblemDetail problem = problems.problem(request, 503, "email.send.failed", e.mail().failureReason());
        problem.setProperty("emailId", e.mail().id());
        problem.setProperty("status", e.mail().status());
        return problem;
    }
}

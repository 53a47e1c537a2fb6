package org.openloop.crm.quoting.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.platform.ApiVersions;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.platform.IdempotentCreates;
import org.openloop.crm.quoting.QuoteAction;
import org.openloop.crm.quoting.QuoteDraft;
import org.openloop.crm.quoting.QuoteLineView;
import org.openloop.crm.quoting.QuoteManagement;
import org.openloop.crm.quoting.QuoteSummary;
import org.openloop.crm.quoting.QuoteVersionRef;
import org.openloop.crm.quoting.QuoteView;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/** Quotes over REST (F5). A quote outside the caller's data scope answers 404 on every endpoint, PDF included. */
@RestController
@RequestMapping("/api/v1/quotes")
@Tag(name = "Quotes")
class QuoteApiController {

    static final List<String> EXPORT_HEADERS = List.of("number", "quoteVersion", "status", "customer", "opportunity",
            "quoteDate", "validUntil", "currency", "netTotal", "taxTotal", "grandTotal", "owner");

    private final QuoteManagement quotes;
    private final IdempotentCreates idempotent;

    QuoteApiController(QuoteManagement quotes, IdempotentCreates idempotent) {
        this.quotes = quotes;
        this.idempotent = idempotent;
    }

    /** Body of workflow steps: {@code reason} is required to reject an approval. */
    record StepRequest(String reason, Long version) {
    }

    /** Body of the e-mail step; empty subject or body take the standard text. */
    record EmailRequest(UUID contactId, String subject, String body) {
    }

    @GetMapping
    @Operation(summary = "List quotes in the caller's scope", description = "Keyset paging (cursor, size ≤ 100); sort "
            + "by createdAt, number, quoteDate, validUntil, grandTotal; filters status, customerId, opportunityId, "
            + "ownerId, from / before (quote date, ISO); q searches number, customer and opportunity names.")
    CursorPage<QuoteView> list(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return quotes.quotes(ListRequest.from(parameters));
    }

    @GetMapping("/export")
    @Operation(summary = "Export the filtered list (format = csv | xlsx; needs quote:export)")
    void export(@RequestParam(defaultValue = "csv") String format,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters, HttpServletResponse response)
            throws IOException {
        quotes.export(ListRequest.from(parameters), Exports.Format.of(format), EXPORT_HEADERS,
                q -> java.util.Arrays.asList(q.number(), q.quoteVersion(), q.status().name(), q.customerName(),
                        q.opportunityName(), q.quoteDate(), q.validUntil(), q.currency(), q.netTotal(), q.taxTotal(),
                        q.grandTotal(), q.ownerName()), response);
    }

    @GetMapping("/{id}")
    ResponseEntity<QuoteView> get(@PathVariable UUID id) {
        QuoteView quote = quotes.quote(id);
        return ApiVersions.ok(quote, quote.version());
    }

    @GetMapping("/{id}/lines")
    List<QuoteLineView> lines(@PathVariable UUID id) {
        return quotes.quote(id).lines();
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Every version of this quote's number the caller sees, oldest first")
    List<QuoteVersionRef> versions(@PathVariable UUID id) {
        return quotes.versions(id);
    }

    @GetMapping("/of-opportunity/{opportunityId}")
    @Operation(summary = "The quotes of an opportunity (every version), newest first")
    List<QuoteSummary> ofOpportunity(@PathVariable UUID opportunityId) {
        return quotes.quotesOf(opportunityId);
    }

    @PostMapping
    @Operation(summary = "Create a DRAFT quote on an opportunity that accepts new work; honours Idempotency-Key",
            description = "Unit price and tax rate may be left out: they default from the price list on the quote "
                    + "date (else the list price) and from the product.")
    ResponseEntity<?> create(@Valid @RequestBody QuoteDraft draft,
            @RequestHeader(name = IdempotentCreates.HEADER, required = false) String key) {
        return idempotent.create(key, "/api/v1/quotes", () -> {
            QuoteView created = quotes.create(draft);
            return ResponseEntity.created(URI.create("/api/v1/quotes/" + created.id()))
                    .eTag("\"" + created.version() + "\"").body(created);
        });
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit a DRAFT (header and all lines); version in the body or If-Match")
    ResponseEntity<QuoteView> update(@PathVariable UUID id, @Valid @RequestBody QuoteDraft draft,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, draft.version());
        QuoteDraft versioned = new QuoteDraft(draft.opportunityId(), draft.contactId(), draft.priceListId(),
                draft.validUntil(), draft.terms(), draft.lines(), expected.version());
        QuoteView quote = quotes.update(id, versioned, expected.fromIfMatch());
        return ApiVersions.ok(quote, quote.version());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a DRAFT quote (quote:delete)")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        quotes.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/send")
    @Operation(summary = "Send a DRAFT: → SENT, or → PENDING_APPROVAL when a line discount needs approval")
    ResponseEntity<QuoteView> send(@PathVariable UUID id, @RequestBody(required = false) StepRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return step(id, QuoteAction.SEND, body, ifMatch);
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve the discount (quote:assign): PENDING_APPROVAL → SENT")
    ResponseEntity<QuoteView> approve(@PathVariable UUID id, @RequestBody(required = false) StepRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return step(id, QuoteAction.APPROVE, body, ifMatch);
    }

    @PostMapping("/{id}/reject-approval")
    @Operation(summary = "Refuse the discount with a reason (quote:assign): PENDING_APPROVAL → DRAFT")
    ResponseEntity<QuoteView> rejectApproval(@PathVariable UUID id, @RequestBody(required = false) StepRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return step(id, QuoteAction.REJECT_APPROVAL, body, ifMatch);
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Record the customer's acceptance: SENT → ACCEPTED")
    ResponseEntity<QuoteView> accept(@PathVariable UUID id, @RequestBody(required = false) StepRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return step(id, QuoteAction.ACCEPT, body, ifMatch);
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Record the customer's refusal: SENT → REJECTED")
    ResponseEntity<QuoteView> reject(@PathVariable UUID id, @RequestBody(required = false) StepRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return step(id, QuoteAction.REJECT, body, ifMatch);
    }

    @PostMapping("/{id}/revise")
    @Operation(summary = "Revise a SENT, REJECTED or EXPIRED quote: it becomes SUPERSEDED; answers the new DRAFT "
            + "version n+1 (201)")
    ResponseEntity<QuoteView> revise(@PathVariable UUID id, @RequestBody(required = false) StepRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        StepRequest request = body == null ? new StepRequest(null, null) : body;
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, request.version());
        QuoteView next = quotes.revise(id, expected.version(), expected.fromIfMatch());
        return ResponseEntity.created(URI.create("/api/v1/quotes/" + next.id())).eTag("\"" + next.version() + "\"")
                .body(next);
    }

    @PostMapping("/{id}/email")
    @Operation(summary = "Mail the PDF to a contact of the customer; a DRAFT becomes SENT. Refused before approval")
    ResponseEntity<QuoteView> email(@PathVariable UUID id, @RequestBody(required = false) EmailRequest body) {
        EmailRequest request = body == null ? new EmailRequest(null, null, null) : body;
        QuoteView quote = quotes.email(id, request.contactId(), request.subject(), request.body());
        return ApiVersions.ok(quote, quote.version());
    }

    @GetMapping(value = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The quote as PDF (attachment), in the caller's language")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        return QuotePages.pdfResponse(quotes.pdf(id));
    }

    private ResponseEntity<QuoteView> step(UUID id, QuoteAction action, StepRequest body, String ifMatch) {
        StepRequest request = body == null ? new StepRequest(null, null) : body;
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, request.version());
        QuoteView quote = quotes.act(id, action, request.reason(), expected.version(), expected.fromIfMatch());
        return ApiVersions.ok(quote, quote.version());
    }
}

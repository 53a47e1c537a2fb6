package org.openloop.crm.marketing.web;

import java.io.IOException;
import java.net.URI;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.audit.AuditEntry;
import org.openloop.crm.marketing.CampaignAction;
import org.openloop.crm.marketing.CampaignDraft;
import org.openloop.crm.marketing.CampaignFigures;
import org.openloop.crm.marketing.CampaignManagement;
import org.openloop.crm.marketing.CampaignView;
import org.openloop.crm.marketing.LeadView;
import org.openloop.crm.marketing.MemberStatus;
import org.openloop.crm.marketing.MemberView;
import org.openloop.crm.marketing.SegmentResult;
import org.openloop.crm.platform.ApiVersions;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.platform.IdempotentCreates;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListRequest;
import org.springframework.beans.factory.annotation.Value;
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

/** Campaigns over REST (J1, J2). A campaign outside the caller's scope answers 404 on every endpoint. */
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campaigns")
class CampaignApiController {

    static final List<String> EXPORT_HEADERS = List.of("name", "type", "status", "startDate", "endDate", "budget",
            "actualCost", "expectedRevenue", "currency", "owner", "createdAt");

    private final CampaignManagement campaigns;
    private final IdempotentCreates idempotent;
    private final ZoneId zone;

    CampaignApiController(CampaignManagement campaigns, IdempotentCreates idempotent,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.campaigns = campaigns;
        this.idempotent = idempotent;
        this.zone = zone;
    }

    record StepRequest(Long version) {
    }

    record FormSwitch(boolean enabled, Long version) {
    }

    record MemberRequest(UUID customerId, UUID contactId) {
    }

    record ResponseRequest(MemberStatus status, String responseNote, Long version) {
    }

    record BulkStatusRequest(List<UUID> memberIds, MemberStatus status) {
    }

    record BulkStatusResult(int changed) {
    }

    record LeadRequest(UUID customerId) {
    }

    @GetMapping
    @Operation(summary = "List campaigns the caller sees", description = "Keyset paging (cursor, size ≤ 100); sort by "
            + "createdAt, name, startDate; filters status, type, ownerId; q searches the name.")
    CursorPage<CampaignView> list(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return campaigns.campaigns(ListRequest.from(parameters));
    }

    @GetMapping("/{id}")
    ResponseEntity<CampaignView> get(@PathVariable UUID id) {
        CampaignView campaign = campaigns.campaign(id);
        return ApiVersions.ok(campaign, campaign.version());
    }

    @PostMapping
    @Operation(summary = "Create a campaign (planned, owned by the caller)", description = "Honours Idempotency-Key. "
            + "segment holds customer list filters: type, level, source, industry, companySize, activity, tags, "
            + "tagMatch.")
    ResponseEntity<?> create(@Valid @RequestBody CampaignDraft draft,
            @RequestHeader(name = IdempotentCreates.HEADER, required = false) String idempotencyKey) {
        return idempotent.create(idempotencyKey, "/api/v1/campaigns", () -> {
            CampaignView created = campaigns.create(draft);
            return ResponseEntity.created(URI.create("/api/v1/campaigns/" + created.id()))
                    .eTag("\"" + created.version() + "\"").body(created);
        });
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a campaign; version in the body (stale → 409) or If-Match (stale → 412)")
    ResponseEntity<CampaignView> update(@PathVariable UUID id, @Valid @RequestBody CampaignDraft draft,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, draft.version());
        CampaignDraft withVersion = new CampaignDraft(draft.name(), draft.type(), draft.startDate(), draft.endDate(),
                draft.budget(), draft.actualCost(), draft.expectedRevenue(), draft.currency(), draft.description(),
                draft.segment(), expected.version());
        CampaignView campaign = campaigns.update(id, withVersion, expected.fromIfMatch());
        return ApiVersions.ok(campaign, campaign.version());
    }

    @PostMapping("/{id}/{step:start|complete|cancel}")
    @Operation(summary = "A workflow step: start (PLANNED → ACTIVE), complete (ACTIVE → COMPLETED), cancel")
    ResponseEntity<CampaignView> step(@PathVariable UUID id, @PathVariable String step,
            @RequestBody(required = false) StepRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, body == null ? null : body.version());
        CampaignView campaign = campaigns.act(id, CampaignAction.valueOf(step.toUpperCase(java.util.Locale.ROOT)),
                expected.version(), expected.fromIfMatch());
        return ApiVersions.ok(campaign, campaign.version());
    }

    @GetMapping("/{id}/outcome")
    @Operation(summary = "Figures: members, responses, leads, opportunities, won, won amount, cost, ROI (null when "
            + "the cost is zero)")
    CampaignFigures outcome(@PathVariable UUID id) {
        return campaigns.figures(id);
    }

    @PostMapping("/{id}/form")
    @Operation(summary = "Switch the public web-to-lead form on or off")
    ResponseEntity<CampaignView> form(@PathVariable UUID id, @RequestBody FormSwitch body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, body.version());
        CampaignView campaign = campaigns.switchForm(id, body.enabled(), expected.version(), expected.fromIfMatch());
        return ApiVersions.ok(campaign, campaign.version());
    }

    @PostMapping("/{id}/form/token")
    @Operation(summary = "Issue a new public form token; the old link stops working")
    ResponseEntity<CampaignView> regenerate(@PathVariable UUID id, @RequestBody(required = false) StepRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, body == null ? null : body.version());
        CampaignView campaign = campaigns.regenerateFormToken(id, expected.version(), expected.fromIfMatch());
        return ApiVersions.ok(campaign, campaign.version());
    }

    @GetMapping("/{id}/members")
    @Operation(summary = "Members; sort createdAt, customerName; filter status; q searches the customer name")
    CursorPage<MemberView> members(@PathVariable UUID id,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return campaigns.members(id, ListRequest.from(parameters));
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "Add a customer the caller sees as a member (invited)")
    ResponseEntity<MemberView> addMember(@PathVariable UUID id, @RequestBody MemberRequest body) {
        return ResponseEntity.status(201).body(campaigns.addMember(id, body.customerId(), body.contactId()));
    }

    @PostMapping("/{id}/members/segment")
    @Operation(summary = "Add the target segment's customers the caller sees as members (≤ 5 000 per call)")
    SegmentResult addSegment(@PathVariable UUID id) {
        return campaigns.addSegmentMembers(id);
    }

    @PostMapping("/{id}/members/status")
    @Operation(summary = "One status for many members")
    BulkStatusResult bulkStatus(@PathVariable UUID id, @RequestBody BulkStatusRequest body) {
        return new BulkStatusResult(campaigns.bulkStatus(id, body.memberIds(), body.status()));
    }

    @PutMapping("/{id}/members/{memberId}")
    @Operation(summary = "A member's response: status and note")
    MemberView respond(@PathVariable UUID id, @PathVariable UUID memberId, @RequestBody ResponseRequest body) {
        return campaigns.respond(id, memberId, body.status(), body.responseNote(), body.version());
    }

    @DeleteMapping("/{id}/members/{memberId}")
    ResponseEntity<Void> removeMember(@PathVariable UUID id, @PathVariable UUID memberId) {
        campaigns.removeMember(id, memberId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/leads")
    @Operation(summary = "Leads captured by the public form or linked by hand, newest first")
    CursorPage<LeadView> leads(@PathVariable UUID id,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return campaigns.leads(id, ListRequest.from(parameters));
    }

    @GetMapping("/{id}/opportunities")
    @Operation(summary = "Opportunities linked to the campaign that the caller sees (needs opportunity:view)")
    CursorPage<org.openloop.crm.sales.OpportunityView> opportunities(@PathVariable UUID id,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return campaigns.opportunities(id, ListRequest.from(parameters));
    }

    @PostMapping("/{id}/leads")
    @Operation(summary = "Link a customer the caller sees as a lead of the campaign")
    ResponseEntity<LeadView> linkLead(@PathVariable UUID id, @RequestBody LeadRequest body) {
        return ResponseEntity.status(201).body(campaigns.linkLead(id, body.customerId()));
    }

    @GetMapping("/{id}/audit")
    CursorPage<AuditEntry> history(@PathVariable UUID id,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return campaigns.history(id, ListRequest.from(parameters));
    }

    @GetMapping("/export")
    @Operation(summary = "Export the filtered list as csv or xlsx (scope applies)")
    void export(@RequestParam(defaultValue = "xlsx") String format,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters, HttpServletResponse response)
            throws IOException {
        campaigns.export(ListRequest.from(parameters), Exports.Format.of(format), EXPORT_HEADERS,
                c -> Arrays.asList(c.name(), c.type(), c.status(), c.startDate(), c.endDate(), c.budget(),
                        c.actualCost(), c.expectedRevenue(), c.currency(), c.ownerName(), c.createdAt()),
                zone, response);
    }
}

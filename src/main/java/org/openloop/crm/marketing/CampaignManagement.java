package org.openloop.crm.marketing;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openloop.crm.audit.AuditEntry;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.customer.ContactView;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.customer.CustomerView;
import org.openloop.crm.marketing.internal.Campaign;
import org.openloop.crm.marketing.internal.CampaignLead;
import org.openloop.crm.marketing.internal.CampaignLeads;
import org.openloop.crm.marketing.internal.CampaignMember;
import org.openloop.crm.marketing.internal.CampaignMembers;
import org.openloop.crm.marketing.internal.CampaignWorkflow;
import org.openloop.crm.marketing.internal.Campaigns;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.sales.OpportunityManagement;
import org.openloop.crm.sales.OpportunityView;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CrmPrincipal;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.DataScope;
import org.openloop.crm.shared.InvalidInputException;
import org.openloop.crm.shared.InvalidInputException.FieldProblem;
import org.openloop.crm.shared.InvalidQueryException;
import org.openloop.crm.shared.ListQuery;
import org.openloop.crm.shared.ListQuery.Match;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.RecordNotFoundException;
import org.openloop.crm.shared.RequiresPermission;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Marketing campaigns (J1): every read goes through the campaign's data scope (another team's campaign is 404 on
 * every channel), members and leads are reached through their campaign only, the status moves through
 * {@link CampaignWorkflow}. The target segment is a set of customer list filters: adding it to the members runs the
 * customer module's own list query in the caller's scope, so nobody adds customers they could not see.
 */
@Service
public class CampaignManagement {

    static final String MODULE = "campaign";

    /** The customer list filters a segment may use (the same parameters as {@code /customers}). */
    public static final List<String> SEGMENT_FILTERS = List.of("type", "level", "source", "industry", "companySize",
            "activity", "tags", "tagMatch");

    /** At most this many customers are looked at by one "add segment to members". */
    public static final int SEGMENT_BOUND = 5000;

    static final ListQuery<Campaign> QUERY = ListQuery.of(Campaign.class)
            .sortable("createdAt", Instant.class)
            .sortable("name", String.class)
            .sortable("startDate", LocalDate.class)
            .filter("status", CampaignStatus.class, Match.EQUALS)
            .filter("type", CampaignType.class, Match.EQUALS)
            .filter("ownerId", UUID.class, Match.EQUALS)
            .searchable("name")
            .defaultSort("-createdAt")
            .build();

    static final ListQuery<CampaignMember> MEMBER_QUERY = ListQuery.of(CampaignMember.class)
            .sortable("createdAt", Instant.class)
            .sortable("customerName", String.class)
            .filter("status", MemberStatus.class, Match.EQUALS)
            .searchable("customerName")
            .defaultSort("customerName")
            .build();

    static final ListQuery<CampaignLead> LEAD_QUERY = ListQuery.of(CampaignLead.class)
            .sortable("capturedAt", Instant.class)
            .searchable("customerName")
            .defaultSort("-capturedAt")
            .build();

    private final Campaigns campaigns;
    private final CampaignMembers members;
    private final CampaignLeads leads;
    private final CampaignOutcomes outcomes;
    private final OpportunityManagement opportunities;
    private final CustomerManagement customers;
    private final OrganizationManagement organization;
    private final AccessControl access;
    private final AuditTrail audit;
    private final Exports exports;
    private final Clock clock;

    private final org.openloop.crm.marketing.internal.CampaignSearch search;

    CampaignManagement(Campaigns campaigns, CampaignMembers members, CampaignLeads leads, CampaignOutcomes outcomes,
            OpportunityManagement opportunities, CustomerManagement customers, OrganizationManagement organization, AccessControl access,
            AuditTrail audit, Exports exports, Clock clock, org.openloop.crm.marketing.internal.CampaignSearch search) {
        this.search = search;
        this.campaigns = campaigns;
        this.members = members;
        this.leads = leads;
        this.outcomes = outcomes;
        this.opportunities = opportunities;
        this.customers = customers;
        this.organization = organization;
        this.access = access;
        this.audit = audit;
        this.exports = exports;
        this.clock = clock;
    }

    // --- campaigns ----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<CampaignView> campaigns(ListRequest request) {
        CursorPage<Campaign> page = campaigns.pageVisible(QUERY, request, access.currentScope());
        return new CursorPage<>(views(page.items()), page.nextCursor());
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CampaignView campaign(UUID id) {
        return views(List.of(visible(id))).get(0);
    }

    /** A new campaign, planned, owned by the caller in the caller's department. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "create")
    public CampaignView create(CampaignDraft draft) {
        UUID owner = currentUser();
        Instant now = clock.instant();
        Campaign campaign = new Campaign(owner, access.departmentOf(owner), now);
        campaign.update(details(draft), now);
        campaigns.saveAndFlush(campaign);
        search.index(campaign);
        return views(List.of(campaign)).get(0);
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public CampaignView update(UUID id, CampaignDraft draft, boolean versionFromIfMatch) {
        Campaign campaign = visible(id);
        VersionConflictException.check(MODULE, id, draft.version(), campaign.getVersion(), versionFromIfMatch);
        campaign.update(details(draft), clock.instant());
        campaigns.flush();
        search.index(campaign);
        return views(List.of(campaign)).get(0);
    }

    /** A workflow step (start, complete, cancel); a wrong status is 409, a stale {@code version} too. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public CampaignView act(UUID id, CampaignAction action, Long version, boolean versionFromIfMatch) {
        Campaign campaign = visible(id);
        VersionConflictException.check(MODULE, id, version, campaign.getVersion(), versionFromIfMatch);
        if (action == null) {
            throw BusinessRuleException.onField("action", "marketing.action.required");
        }
        campaign.apply(action, clock.instant());
        campaigns.flush();
        return views(List.of(campaign)).get(0);
    }

    /** Switches the public web-to-lead form on or off (J2). */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public CampaignView switchForm(UUID id, boolean enabled, Long version, boolean versionFromIfMatch) {
        Campaign campaign = visible(id);
        VersionConflictException.check(MODULE, id, version, campaign.getVersion(), versionFromIfMatch);
        campaign.enableForm(enabled, clock.instant());
        campaigns.flush();
        return views(List.of(campaign)).get(0);
    }

    /** Issues a new random form token: the old public link stops working at once. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public CampaignView regenerateFormToken(UUID id, Long version, boolean versionFromIfMatch) {
        Campaign campaign = visible(id);
        VersionConflictException.check(MODULE, id, version, campaign.getVersion(), versionFromIfMatch);
        campaign.regenerateToken(clock.instant());
        campaigns.flush();
        return views(List.of(campaign)).get(0);
    }

    /** Counts, won amount and ROI of a campaign the caller may see. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CampaignFigures figures(UUID id) {
        Campaign campaign = visible(id);
        long memberCount = members.countByCampaignId(id);
        long responses = members.countByCampaignIdAndStatusIn(id, List.of(MemberStatus.RESPONDED,
                MemberStatus.ATTENDED));
        long leadCount = leads.countByCampaignId(id);
        CampaignOutcomes.Outcome outcome = outcomes.of(List.of(id)).getOrDefault(id, CampaignOutcomes.Outcome.NONE);
        BigDecimal cost = costOf(campaign.getActualCost(), campaign.getBudget());
        return new CampaignFigures(memberCount, responses, leadCount, outcome.opportunities(), outcome.won(),
                outcome.wonAmount(), cost, roi(outcome.wonAmount(), cost), campaign.getCurrency());
    }

    /** The cost ROI is measured against: the actual cost when known and not zero, else the budget, else zero. */
    public static BigDecimal costOf(BigDecimal actualCost, BigDecimal budget) {
        BigDecimal cost = actualCost != null && actualCost.signum() > 0 ? actualCost
                : budget != null ? budget : BigDecimal.ZERO;
        return cost.setScale(2, RoundingMode.HALF_UP);
    }

    /** Won amount ÷ cost, scale 2, half up; {@code null} ("—") when the cost is zero. */
    public static BigDecimal roi(BigDecimal wonAmount, BigDecimal cost) {
        if (cost == null || cost.signum() == 0) {
            return null;
        }
        return (wonAmount == null ? BigDecimal.ZERO : wonAmount).divide(cost, 2, RoundingMode.HALF_UP);
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<AuditEntry> history(UUID id, ListRequest request) {
        visible(id);
        return audit.historyOf(MODULE, id, request);
    }

    /** Exports the campaigns matching {@code request} that the caller may see. */
    @RequiresPermission(module = MODULE, action = "export")
    public void export(ListRequest request, Exports.Format format, List<String> headers,
            Function<CampaignView, List<?>> row, ZoneId zone, HttpServletResponse response) throws IOException {
        DataScope scope = access.currentScope();
        exports.writeList(response, format, "campaigns", MODULE, headers, zone, request,
                page -> campaigns.pageVisible(QUERY, page, scope), this::views, row);
    }

    // --- members ------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<MemberView> members(UUID id, ListRequest request) {
        visible(id);
        Specification<CampaignMember> ofCampaign = (r, q, cb) -> cb.equal(r.get("campaignId"), id);
        return MEMBER_QUERY.page(members, request, ofCampaign).map(CampaignManagement::memberView);
    }

    /** Adds one customer the caller may see (and optionally one of its contacts) as a member, invited. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public MemberView addMember(UUID id, UUID customerId, UUID contactId) {
        visible(id);
        CustomerView customer = customerOnField(customerId);
        ContactView contact = null;
        if (contactId != null) {
            try {
                contact = customers.contact(contactId);
            }
            catch (RecordNotFoundException e) {
                contact = null;
            }
            if (contact == null || !contact.customerId().equals(customer.id())) {
                throw BusinessRuleException.onField("contactId", "marketing.member.contactUnknown");
            }
        }
        if (members.existsByCampaignIdAndCustomerId(id, customer.id())) {
            throw BusinessRuleException.conflict("customerId", "marketing.member.exists", customer.name());
        }
        CampaignMember member = new CampaignMember(id, customer.id(), customer.name(),
                contact == null ? null : contact.id(), contact == null ? null : contact.name(), clock.instant());
        members.saveAndFlush(member);
        return memberView(member);
    }

    /**
     * Adds the customers of the campaign's target segment that the caller sees as members (snapshot), paging through
     * the customer list at most {@value #SEGMENT_BOUND} customers per action; existing members are skipped.
     */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public SegmentResult addSegmentMembers(UUID id) {
        Campaign campaign = visible(id);
        Map<String, String> segment = parseSegment(campaign.getSegment());
        if (segment.isEmpty()) {
            throw BusinessRuleException.onField("segment", "marketing.segment.empty");
        }
        Instant now = clock.instant();
        int added = 0;
        int existing = 0;
        int seen = 0;
        String cursor = null;
        boolean truncated = false;
        while (true) {
            CursorPage<CustomerView> page = customers.customers(new ListRequest(cursor, ListQuery.MAX_SIZE, null,
                    null, segment));
            List<CustomerView> batch = page.items();
            if (seen + batch.size() > SEGMENT_BOUND) {
                batch = batch.subList(0, SEGMENT_BOUND - seen);
                truncated = true;
            }
            Set<UUID> already = batch.isEmpty() ? Set.of()
                    : members.membersAmong(id, batch.stream().map(CustomerView::id).toList());
            List<CampaignMember> fresh = new ArrayList<>();
            for (CustomerView customer : batch) {
                if (already.contains(customer.id())) {
                    existing++;
                }
                else {
                    fresh.add(new CampaignMember(id, customer.id(), customer.name(), null, null, now));
                }
            }
            members.saveAll(fresh);
            added += fresh.size();
            seen += batch.size();
            if (truncated || !page.hasMore()) {
                truncated = truncated || (seen >= SEGMENT_BOUND && page.hasMore());
                break;
            }
            cursor = page.nextCursor();
        }
        members.flush();
        return new SegmentResult(added, existing, truncated);
    }

    /** A member's response: status (required) and an optional note. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public MemberView respond(UUID id, UUID memberId, MemberStatus status, String note, Long version) {
        visible(id);
        CampaignMember member = members.findByIdAndCampaignId(memberId, id)
                .orElseThrow(() -> new RecordNotFoundException("campaignMember", memberId));
        VersionConflictException.check("campaignMember", memberId, version, member.getVersion(), false);
        if (status == null) {
            throw BusinessRuleException.onField("status", "marketing.member.statusRequired");
        }
        if (note != null && note.length() > 1000) {
            throw new InvalidInputException(List.of(FieldProblem.of("responseNote", "marketing.tooLong", 1000)));
        }
        member.respond(status, note, clock.instant());
        members.flush();
        return memberView(member);
    }

    /** One status for many members of the campaign at once; returns how many changed. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public int bulkStatus(UUID id, Collection<UUID> memberIds, MemberStatus status) {
        visible(id);
        if (status == null) {
            throw BusinessRuleException.onField("status", "marketing.member.statusRequired");
        }
        if (memberIds == null || memberIds.isEmpty()) {
            throw BusinessRuleException.onField("memberIds", "marketing.member.noneChosen");
        }
        if (memberIds.size() > 1000) {
            throw new InvalidInputException(List.of(FieldProblem.of("memberIds", "marketing.member.tooMany", 1000)));
        }
        Instant now = clock.instant();
        List<CampaignMember> found = members.findByIdInAndCampaignId(new LinkedHashSet<>(memberIds), id);
        found.forEach(m -> m.respond(status, null, now));
        members.flush();
        return found.size();
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public void removeMember(UUID id, UUID memberId) {
        visible(id);
        CampaignMember member = members.findByIdAndCampaignId(memberId, id)
                .orElseThrow(() -> new RecordNotFoundException("campaignMember", memberId));
        members.delete(member);
    }

    // --- leads --------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<LeadView> leads(UUID id, ListRequest request) {
        visible(id);
        Specification<CampaignLead> ofCampaign = (r, q, cb) -> cb.equal(r.get("campaignId"), id);
        return LEAD_QUERY.page(leads, request, ofCampaign).map(CampaignManagement::leadView);
    }

    /** Links a customer the caller may see to the campaign as a lead it brought, by hand. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public LeadView linkLead(UUID id, UUID customerId) {
        visible(id);
        CustomerView customer = customerOnField(customerId);
        if (leads.existsByCampaignIdAndCustomerId(id, customer.id())) {
            throw BusinessRuleException.conflict("customerId", "marketing.lead.exists", customer.name());
        }
        CampaignLead lead = new CampaignLead(id, customer.id(), customer.name(), null, null, null, CampaignLead.MANUAL,
                false, false, clock.instant());
        leads.saveAndFlush(lead);
        return leadView(lead);
    }

    // --- opportunities ------------------------------------------------------------------------------------------

    /**
     * The opportunities linked to a campaign the caller may see, as sales lists them for the caller (its own scope
     * and {@code opportunity:view}); the figures count all of them company-wide.
     */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<OpportunityView> opportunities(UUID id, ListRequest request) {
        visible(id);
        Map<String, String> filters = new java.util.HashMap<>(request.filters());
        filters.put("campaignId", id.toString());
        return opportunities.opportunities(new ListRequest(request.cursor(), request.size(), request.sort(),
                request.q(), filters));
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private CustomerView customerOnField(UUID customerId) {
        if (customerId == null) {
            throw BusinessRuleException.onField("customerId", "marketing.customer.required");
        }
        try {
            return customers.customer(customerId);
        }
        catch (RecordNotFoundException e) {
            throw BusinessRuleException.onField("customerId", "marketing.customer.unknown");
        }
    }

    private Campaign visible(UUID id) {
        return campaigns.getVisible(id, access.currentScope(), MODULE);
    }

    private Campaign.Details details(CampaignDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.startDate() != null && draft.endDate() != null && draft.endDate().isBefore(draft.startDate())) {
            problems.add(FieldProblem.of("endDate", "marketing.endDate.beforeStart"));
        }
        Map<String, String> segment = new TreeMap<>();
        draft.segment().forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                segment.put(key, value.trim());
            }
        });
        for (String key : segment.keySet()) {
            if (!SEGMENT_FILTERS.contains(key)) {
                problems.add(FieldProblem.of("segment", "marketing.segment.unknownFilter", key));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!segment.isEmpty()) {
            try {
                // the customer module checks the values exactly as its own list would
                customers.customers(new ListRequest(null, 1, null, null, segment));
            }
            catch (InvalidQueryException e) {
                throw new InvalidInputException(List.of(FieldProblem.of("segment", "marketing.segment.invalid",
                        e.parameter())));
            }
        }
        String stored = formatSegment(segment);
        if (stored != null && stored.length() > 2000) {
            throw new InvalidInputException(List.of(FieldProblem.of("segment", "marketing.tooLong", 2000)));
        }
        return new Campaign.Details(draft.name(), draft.type(), draft.startDate(), draft.endDate(), draft.budget(),
                draft.actualCost(), draft.expectedRevenue(), draft.currency(), draft.description(), stored);
    }

    static String formatSegment(Map<String, String> segment) {
        if (segment.isEmpty()) {
            return null;
        }
        return new TreeMap<>(segment).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> parseSegment(String stored) {
        Map<String, String> segment = new TreeMap<>();
        if (stored == null || stored.isBlank()) {
            return segment;
        }
        for (String pair : stored.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                segment.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return segment;
    }

    private List<CampaignView> views(List<Campaign> list) {
        Map<UUID, String> owners = organization.names(list.stream().map(Campaign::getOwnerId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return list.stream().map(c -> new CampaignView(c.getId(), c.getName(), c.getType(), c.getStatus(),
                c.getStartDate(), c.getEndDate(), c.getBudget(), c.getActualCost(), c.getExpectedRevenue(),
                c.getCurrency(), c.getDescription(), parseSegment(c.getSegment()), c.isFormEnabled(),
                c.getFormToken(), c.getOwnerId(), owners.get(c.getOwnerId()), c.getDepartmentId(), c.getCreatedAt(),
                c.getVersion(), CampaignWorkflow.steps(c.getStatus()))).toList();
    }

    static MemberView memberView(CampaignMember m) {
        return new MemberView(m.getId(), m.getCampaignId(), m.getCustomerId(), m.getCustomerName(), m.getContactId(),
                m.getContactName(), m.getStatus(), m.getResponseNote(), m.getRespondedAt(), m.getCreatedAt(),
                m.getVersion());
    }

    static LeadView leadView(CampaignLead l) {
        return new LeadView(l.getId(), l.getCampaignId(), l.getCustomerId(), l.getCustomerName(), l.getContactId(),
                l.getContactName(), l.getMessage(), l.getVia(), l.isDuplicate(), l.isConsent(), l.getCapturedAt());
    }

    static UUID currentUser() {
        return CrmPrincipal.current().map(CrmPrincipal::userId).orElseThrow();
    }
}

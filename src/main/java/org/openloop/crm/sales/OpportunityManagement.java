package org.openloop.crm.sales;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.AuditEntry;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.customer.CustomerView;
import org.openloop.crm.customfield.CustomFields;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.platform.SequenceNumbers;
import org.openloop.crm.sales.internal.LossReason;
import org.openloop.crm.sales.internal.LossReasons;
import org.openloop.crm.sales.internal.Opportunities;
import org.openloop.crm.sales.internal.Opportunity;
import org.openloop.crm.sales.internal.OpportunitySearch;
import org.openloop.crm.sales.internal.OpportunityWorkflow;
import org.openloop.crm.sales.internal.Pipeline;
import org.openloop.crm.sales.internal.Pipelines;
import org.openloop.crm.sales.internal.StageChange;
import org.openloop.crm.sales.internal.StageChanges;
import org.openloop.crm.sales.internal.Stage;
import org.openloop.crm.sales.internal.Stages;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CrmPrincipal;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.InvalidQueryException;
import org.openloop.crm.shared.ListQuery;
import org.openloop.crm.shared.ListQuery.Match;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.RecordNotFoundException;
import org.openloop.crm.shared.RequiresPermission;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Opportunities (F1) and their state machine (F2). Every user read goes through the caller's data scope (a record
 * outside it is 404); every status change goes through {@link OpportunityWorkflow}, whichever channel asks (page,
 * API, board, import, other modules). Managers — holders of {@code opportunity:assign} (the sales-manager and
 * administrator roles by default) — close won opportunities and reopen lost ones.
 */
@Service
public class OpportunityManagement {

    static final String MODULE = "opportunity";
    static final String MANAGER_AUTHORITY = "opportunity:assign";

    static final ListQuery<Opportunity> QUERY = ListQuery.of(Opportunity.class)
            .sortable("createdAt", Instant.class)
            .sortable("expectedCloseDate", LocalDate.class)
            .sortable("amount", BigDecimal.class)
            .sortable("number", String.class)
            .sortable("name", String.class)
            .filter("customerId", UUID.class, Match.EQUALS)
            .filter("campaignId", UUID.class, Match.EQUALS)
            .filter("status", OpportunityStatus.class, Match.EQUALS)
            .filter("ownerId", UUID.class, Match.EQUALS)
            .filter("departmentId", UUID.class, Match.EQUALS)
            .filter("pipelineId", UUID.class, Match.EQUALS)
            .filter("stageId", UUID.class, Match.EQUALS)
            .filter("lossReasonId", UUID.class, Match.EQUALS)
            .filter("currency", String.class, Match.EQUALS)
            .filter("closeFrom", "expectedCloseDate", LocalDate.class, Match.FROM)
            .filter("closeBefore", "expectedCloseDate", LocalDate.class, Match.BEFORE)
            .filter("amountFrom", "amount", BigDecimal.class, Match.FROM)
            .filter("amountBefore", "amount", BigDecimal.class, Match.BEFORE)
            .searchable("number")
            .searchable("name")
            .searchable("customerName")
            .defaultSort("-createdAt")
            .build();

    private final Opportunities opportunities;
    private final StageChanges stageChanges;
    private final Pipelines pipelines;
    private final Stages stages;
    private final LossReasons lossReasons;
    private final CustomerManagement customers;
    private final OrganizationManagement organization;
    private final AccessControl access;
    private final SequenceNumbers numbers;
    private final AuditTrail audit;
    private final Exports exports;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<CampaignDirectory> campaigns;
    private final OpportunitySearch search;
    private final CustomFields customFields;
    private final Clock clock;
    private final String numberPattern;

    OpportunityManagement(Opportunities opportunities, StageChanges stageChanges, Pipelines pipelines, Stages stages,
            LossReasons lossReasons, CustomerManagement customers, OrganizationManagement organization,
            AccessControl access, SequenceNumbers numbers, AuditTrail audit, Exports exports,
            ApplicationEventPublisher events, ObjectProvider<CampaignDirectory> campaigns,
            OpportunitySearch search, CustomFields customFields, Clock clock,
            @Value("${crm.opportunity.number-pattern:SJ{date:yyyyMMdd}{seq:4}}") String numberPattern) {
        this.opportunities = opportunities;
        this.stageChanges = stageChanges;
        this.pipelines = pipelines;
        this.stages = stages;
        this.lossReasons = lossReasons;
        this.customers = customers;
        this.organization = organization;
        this.access = access;
        this.numbers = numbers;
        this.audit = audit;
        this.exports = exports;
        this.events = events;
        this.campaigns = campaigns;
        this.search = search;
        this.customFields = customFields;
        this.clock = clock;
        this.numberPattern = numberPattern;
    }

    // --- reading ------------------------------------------------------------------------------------------------

    /**
     * Opportunities in the caller's scope. Filters: customerId, campaignId, status, ownerId, departmentId,
     * pipelineId, stageId, lossReasonId, currency, closeFrom/closeBefore (dates), amountFrom/amountBefore,
     * closeMonth ({@code yyyy-MM}); q searches number, name and customer name.
     */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<OpportunityView> opportunities(ListRequest request) {
        CursorPage<Opportunity> page = QUERY.page(opportunities, request, restriction(request));
        return new CursorPage<>(views(page.items()), page.nextCursor());
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public OpportunityView opportunity(UUID id) {
        return views(List.of(visible(id))).get(0);
    }

    /** An opportunity for other modules; 404 outside the caller's scope. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public OpportunityRef ref(UUID id) {
        return ref(visible(id));
    }

    /** The caller's open or won opportunities of a customer, for pickers in other modules. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<OpportunityRef> openOpportunitiesOf(UUID customerId) {
        Specification<Opportunity> spec = ofCustomer(customerId).and((r, q, cb) -> r.get("status")
                .in(OpportunityStatus.OPEN, OpportunityStatus.WON));
        return opportunities.findAll(spec.and(access.currentScope().toSpecification()),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))).stream().map(OpportunityManagement::ref)
                .toList();
    }

    /** All opportunities of a customer in the caller's scope, newest first, for the customer page's tab. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<OpportunityView> opportunitiesOfCustomer(UUID customerId) {
        return views(opportunities.findAll(ofCustomer(customerId).and(access.currentScope().toSpecification()),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
    }

    /**
     * The open opportunities of a pipeline in the caller's scope for the board (F3), optionally of one owner, one
     * department and closing in one month ({@code yyyy-MM}); at most 500, soonest close date first.
     */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<OpportunityView> board(UUID pipelineId, UUID ownerId, UUID departmentId, String closeMonth) {
        Map<String, String> filters = new HashMap<>();
        if (closeMonth != null && !closeMonth.isBlank()) {
            filters.put("closeMonth", closeMonth);
        }
        Specification<Opportunity> spec = restriction(new ListRequest(null, null, null, null, filters))
                .and((r, q, cb) -> cb.and(cb.equal(r.get("pipelineId"), pipelineId),
                        cb.equal(r.get("status"), OpportunityStatus.OPEN)));
        if (ownerId != null) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("ownerId"), ownerId));
        }
        if (departmentId != null) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("departmentId"), departmentId));
        }
        return views(opportunities.findAll(spec, org.springframework.data.domain.PageRequest.of(0, 500,
                Sort.by(Sort.Order.asc("expectedCloseDate"), Sort.Order.asc("id")))).getContent());
    }

    /** The stage history of an opportunity in scope, oldest first, with the time spent in each stage. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<StageChangeView> stageHistory(UUID id) {
        visible(id);
        List<StageChange> changes = stageChanges.findByOpportunityIdOrderByChangedAtAscIdAsc(id);
        Map<UUID, String> stageNames = stages.findAllById(changes.stream()
                .flatMap(c -> java.util.stream.Stream.of(c.getFromStageId(), c.getToStageId()))
                .filter(Objects::nonNull).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Stage::getId, Stage::getName));
        Map<UUID, String> people = organization.names(changes.stream().map(StageChange::getChangedBy)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Instant now = clock.instant();
        List<StageChangeView> views = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            StageChange c = changes.get(i);
            Instant until = i + 1 < changes.size() ? changes.get(i + 1).getChangedAt() : now;
            views.add(new StageChangeView(c.getId(), stageNames.get(c.getFromStageId()),
                    stageNames.get(c.getToStageId()), c.getFromStatus(), c.getToStatus(), c.getChangedAt(),
                    c.getChangedBy(), people.get(c.getChangedBy()), c.getNote(),
                    Duration.between(c.getChangedAt(), until)));
        }
        return views;
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<AuditEntry> history(UUID id, ListRequest request) {
        visible(id);
        return audit.historyOf(MODULE, id, request);
    }

    /** Exports the opportunities matching {@code request} in the caller's scope. */
    @RequiresPermission(module = MODULE, action = "export")
    public void export(ListRequest request, Exports.Format format, List<String> headers,
            Function<OpportunityView, List<?>> row, ZoneId zone, HttpServletResponse response) throws IOException {
        exports.writeList(response, format, "opportunities", MODULE, headers, zone, request,
                page -> QUERY.page(opportunities, page, restriction(request)), this::views, row);
    }

    /** Whether the marketing module provides campaigns (otherwise the campaign field is hidden). */
    public boolean campaignsAvailable() {
        return campaigns.getIfAvailable() != null;
    }

    /** Campaigns the caller may choose as a source; empty without the marketing module. */
    public List<CampaignDirectory.CampaignOption> selectableCampaigns() {
        CampaignDirectory directory = campaigns.getIfAvailable();
        return directory == null ? List.of() : directory.selectableCampaigns();
    }

    /** Whether the caller is a sales manager for the workflow (holds {@code opportunity:assign}). */
    public static boolean currentUserIsManager() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(MANAGER_AUTHORITY::equals);
    }

    // --- changing -----------------------------------------------------------------------------------------------

    @Transactional
    @RequiresPermission(module = MODULE, action = "create")
    public OpportunityView create(OpportunityDraft draft) {
        UUID owner = currentUser();
        Instant now = clock.instant();
        Opportunity opportunity = new Opportunity(numbers.next(MODULE, numberPattern), owner,
                access.departmentOf(owner), now);
        Placement placement = placement(draft.pipelineId(), draft.stageId(), null);
        opportunity.moveTo(placement.pipeline().getId(), placement.stage().getId(),
                placement.stage().getProbability(), now);
        opportunity.update(details(draft, placement.stage(), null), now);
        opportunities.save(opportunity);
        customFields.saveNew(MODULE, opportunity.getId(), draft.customFields());
        stageChanges.save(new StageChange(opportunity.getId(), null, placement.stage().getId(), null,
                OpportunityStatus.OPEN, now, owner, null));
        index(opportunity);
        return views(List.of(opportunity)).get(0);
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public OpportunityView update(UUID id, OpportunityDraft draft, boolean versionFromIfMatch) {
        Opportunity opportunity = visible(id);
        VersionConflictException.check(MODULE, id, draft.version(), opportunity.getVersion(), versionFromIfMatch);
        OpportunityWorkflow.checkEditable(opportunity.getStatus());
        Instant now = clock.instant();
        UUID pipelineId = draft.pipelineId() == null ? opportunity.getPipelineId() : draft.pipelineId();
        UUID stageId = draft.stageId() == null ? opportunity.getStageId() : draft.stageId();
        Stage stage;
        if (!pipelineId.equals(opportunity.getPipelineId()) || !stageId.equals(opportunity.getStageId())) {
            OpportunityWorkflow.checkStageMove(opportunity.getStatus());
            Placement placement = placement(pipelineId, stageId, null);
            stage = placement.stage();
            recordMove(opportunity, placement, now, null);
        }
        else {
            stage = stages.findById(stageId).orElseThrow();
        }
        opportunity.update(details(draft, stage, opportunity), now);
        customFields.save(MODULE, id, draft.customFields());
        opportunities.flush();
        index(opportunity);
        return views(List.of(opportunity)).get(0);
    }

    /**
     * Moves an open opportunity to another stage of its pipeline (board drag, F3): the probability becomes the
     * stage's; stale {@code expectedVersion} → 409.
     */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public OpportunityView moveToStage(UUID id, UUID stageId, Long expectedVersion) {
        Opportunity opportunity = visible(id);
        VersionConflictException.check(MODULE, id, expectedVersion, opportunity.getVersion(), false);
        OpportunityWorkflow.checkEditable(opportunity.getStatus());
        OpportunityWorkflow.checkStageMove(opportunity.getStatus());
        if (!stageId.equals(opportunity.getStageId())) {
            Placement placement = placement(opportunity.getPipelineId(), stageId, null);
            recordMove(opportunity, placement, clock.instant(), null);
            opportunities.flush();
        }
        return views(List.of(opportunity)).get(0);
    }

    /**
     * Takes a workflow step (F2). LOSE needs an active loss reason; CLOSE and REOPEN are manager steps (audited).
     * Wrong state → 409, a manager step by someone else → 422, stale version → 409 (412 with If-Match).
     */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public OpportunityView act(UUID id, OpportunityAction action, UUID lossReasonId, String note,
            Long expectedVersion, boolean fromIfMatch) {
        Opportunity opportunity = visible(id);
        VersionConflictException.check(MODULE, id, expectedVersion, opportunity.getVersion(), fromIfMatch);
        OpportunityStatus next = OpportunityWorkflow.next(opportunity.getStatus(), action, currentUserIsManager());
        if (action == OpportunityAction.LOSE) {
            requireLossReason(lossReasonId);
        }
        if (note != null && note.length() > 1000) {
            throw BusinessRuleException.onField("note", "opportunity.note.tooLong");
        }
        apply(opportunity, action, next, lossReasonId, note, currentUser());
        return views(List.of(opportunity)).get(0);
    }

    /** Hands an opportunity to another user after the assignment check (A5). */
    @Transactional
    @RequiresPermission(module = MODULE, action = "assign")
    public OpportunityView assign(UUID id, UUID targetUserId) {
        Opportunity opportunity = visible(id);
        OpportunityWorkflow.checkEditable(opportunity.getStatus());
        UUID department = access.checkHandOver(MODULE, targetUserId);
        UUID previous = opportunity.getOwnerId();
        opportunity.transferTo(targetUserId, department, clock.instant());
        audit.record(AuditAction.ASSIGN, MODULE, id, "ownerId", String.valueOf(previous),
                String.valueOf(targetUserId), null);
        opportunities.flush();
        index(opportunity);
        return views(List.of(opportunity)).get(0);
    }

    /** Sets or clears the source campaign (opportunity:edit, scoped, audited), validated by the campaign directory. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public void linkCampaign(UUID opportunityId, UUID campaignId) {
        Opportunity opportunity = visible(opportunityId);
        OpportunityWorkflow.checkEditable(opportunity.getStatus());
        checkCampaign(campaignId);
        opportunity.linkCampaign(campaignId, clock.instant());
        opportunities.flush();
    }

    // --- for other modules ----------------------------------------------------------------------------------------

    /**
     * Refuses (409, localised) when the opportunity may not take new work: CLOSED refuses all, LOST refuses QUOTE,
     * CONTRACT and EXPENSE; unknown id → 404. No permission of its own: the calling module checks its own.
     */
    @Transactional(readOnly = true)
    public void requireAcceptsNewWork(UUID opportunityId, OpportunityWork work) {
        Opportunity opportunity = opportunities.findById(opportunityId)
                .orElseThrow(() -> new RecordNotFoundException(MODULE, opportunityId));
        OpportunityWorkflow.checkAcceptsWork(opportunity.getStatus(), work);
    }

    /** A signed contract wins an open opportunity (system step); WON → no-op; LOST/CLOSED → 409. */
    @Transactional
    public void markWonByContract(UUID opportunityId) {
        Opportunity opportunity = opportunities.findById(opportunityId)
                .orElseThrow(() -> new RecordNotFoundException(MODULE, opportunityId));
        if (opportunity.getStatus() == OpportunityStatus.WON) {
            return;
        }
        OpportunityStatus next = OpportunityWorkflow.nextBySystem(opportunity.getStatus(), OpportunityAction.WIN);
        apply(opportunity, OpportunityAction.WIN, next, null, "opportunity.reason.contractSigned",
                CrmPrincipal.current().map(CrmPrincipal::userId).orElse(null));
    }

    /** Contract delivered and paid: WON → CLOSED (system step); CLOSED → no-op; others → 409. */
    @Transactional
    public void closeFulfilled(UUID opportunityId) {
        Opportunity opportunity = opportunities.findById(opportunityId)
                .orElseThrow(() -> new RecordNotFoundException(MODULE, opportunityId));
        if (opportunity.getStatus() == OpportunityStatus.CLOSED) {
            return;
        }
        OpportunityStatus next = OpportunityWorkflow.nextBySystem(opportunity.getStatus(), OpportunityAction.CLOSE);
        apply(opportunity, OpportunityAction.CLOSE, next, null, "opportunity.reason.contractFulfilled",
                CrmPrincipal.current().map(CrmPrincipal::userId).orElse(null));
    }

    /** Company-wide figures per campaign; campaigns without opportunities answer zeros. */
    @Transactional(readOnly = true)
    public Map<UUID, CampaignOutcome> campaignOutcomes(Collection<UUID> campaignIds) {
        Map<UUID, CampaignOutcome> outcomes = new LinkedHashMap<>();
        if (campaignIds == null || campaignIds.isEmpty()) {
            return outcomes;
        }
        campaignIds.forEach(id -> outcomes.put(id, new CampaignOutcome(0, 0, money(BigDecimal.ZERO))));
        for (Object[] row : opportunities.campaignOutcomes(Set.copyOf(campaignIds))) {
            BigDecimal won = row[3] == null ? BigDecimal.ZERO : new BigDecimal(row[3].toString());
            outcomes.put((UUID) row[0], new CampaignOutcome(((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue(), money(won)));
        }
        return outcomes;
    }

    /** An opportunity by exact name for other modules' demo data only: ignores scope, never for a user request. */
    @Transactional(readOnly = true)
    public Optional<OpportunityRef> demoOpportunityNamed(String name) {
        return opportunities.findFirstByName(name).map(OpportunityManagement::ref);
    }

    // --- internals ------------------------------------------------------------------------------------------------

    private void apply(Opportunity opportunity, OpportunityAction action, OpportunityStatus next, UUID lossReasonId,
            String reasonKey, UUID by) {
        Instant now = clock.instant();
        OpportunityStatus from = opportunity.getStatus();
        Integer probability = switch (next) {
            case WON, CLOSED -> 100;
            case LOST -> 0;
            case OPEN -> stages.findById(opportunity.getStageId()).map(Stage::getProbability).orElse(null);
        };
        boolean system = reasonKey != null && reasonKey.startsWith("opportunity.reason.");
        opportunity.changeStatus(next, lossReasonId, system ? null : reasonKey, probability, now);
        stageChanges.save(new StageChange(opportunity.getId(), opportunity.getStageId(), opportunity.getStageId(),
                from, next, now, by, system ? reasonKey : blankToNull(reasonKey)));
        if (system || action == OpportunityAction.REOPEN || action == OpportunityAction.CLOSE) {
            audit.record(AuditAction.UPDATE, MODULE, opportunity.getId(), "transition", from.name(), next.name(),
                    system ? reasonKey : "opportunity.action." + action.name());
        }
        opportunities.flush();
        index(opportunity);
        switch (next) {
            case WON -> events.publishEvent(new OpportunityWon(opportunity.getId(), opportunity.getCustomerId(),
                    opportunity.getCampaignId(), opportunity.getAmount(), opportunity.getCurrency(), now));
            case LOST -> events.publishEvent(new OpportunityLost(opportunity.getId(), opportunity.getCustomerId(),
                    lossReasonId, now));
            case CLOSED -> events.publishEvent(new OpportunityClosed(opportunity.getId(),
                    opportunity.getCustomerId(), now));
            case OPEN -> events.publishEvent(new OpportunityReopened(opportunity.getId(),
                    opportunity.getCustomerId(), now));
        }
    }

    private void recordMove(Opportunity opportunity, Placement placement, Instant now, String note) {
        UUID from = opportunity.getStageId();
        opportunity.moveTo(placement.pipeline().getId(), placement.stage().getId(),
                placement.stage().getProbability(), now);
        stageChanges.save(new StageChange(opportunity.getId(), from, placement.stage().getId(),
                opportunity.getStatus(), opportunity.getStatus(), now, currentUser(), note));
    }

    private void requireLossReason(UUID lossReasonId) {
        if (lossReasonId == null) {
            throw BusinessRuleException.onField("lossReasonId", "opportunity.lossReason.required");
        }
        LossReason reason = lossReasons.findById(lossReasonId).filter(LossReason::isActive)
                .orElseThrow(() -> BusinessRuleException.onField("lossReasonId", "opportunity.lossReason.unknown"));
        Objects.requireNonNull(reason);
    }

    record Placement(Pipeline pipeline, Stage stage) {
    }

    /** The pipeline and active stage asked for, or the default pipeline's first active stage. */
    private Placement placement(UUID pipelineId, UUID stageId, Void unused) {
        Pipeline pipeline = pipelineId == null
                ? pipelines.findFirstByDefaultPipelineTrue()
                        .orElseThrow(() -> BusinessRuleException.onField("pipelineId", "opportunity.pipeline.none"))
                : pipelines.findById(pipelineId).filter(Pipeline::isActive)
                        .orElseThrow(() -> BusinessRuleException.onField("pipelineId",
                                "opportunity.pipeline.unknown"));
        List<Stage> active = stages.findByPipelineIdOrderByPositionAscNameAsc(pipeline.getId()).stream()
                .filter(Stage::isActive).toList();
        if (stageId == null) {
            if (active.isEmpty()) {
                throw BusinessRuleException.onField("stageId", "opportunity.stage.unknown");
            }
            return new Placement(pipeline, active.get(0));
        }
        Stage stage = active.stream().filter(s -> s.getId().equals(stageId)).findFirst()
                .orElseThrow(() -> BusinessRuleException.onField("stageId", "opportunity.stage.unknown"));
        return new Placement(pipeline, stage);
    }

    private Opportunity.Details details(OpportunityDraft draft, Stage stage, Opportunity current) {
        CustomerView customer;
        try {
            customer = customers.customer(draft.customerId());
        }
        catch (RecordNotFoundException e) {
            throw BusinessRuleException.onField("customerId", "opportunity.customer.unknown");
        }
        String currency = draft.currency() == null || draft.currency().isBlank() ? "CNY"
                : draft.currency().trim().toUpperCase(Locale.ROOT);
        try {
            java.util.Currency.getInstance(currency);
        }
        catch (IllegalArgumentException e) {
            throw BusinessRuleException.onField("currency", "opportunity.currency.unknown");
        }
        if (draft.amount() == null || draft.amount().signum() < 0) {
            throw BusinessRuleException.onField("amount", "opportunity.amount.invalid");
        }
        int probability;
        if (draft.probability() != null) {
            probability = draft.probability();
        }
        else if (current != null && current.getStageId().equals(stage.getId())) {
            probability = current.getProbability();
        }
        else {
            probability = stage.getProbability();
        }
        UUID campaignId = draft.campaignId();
        if (current == null || !Objects.equals(campaignId, current.getCampaignId())) {
            checkCampaign(campaignId);
        }
        return new Opportunity.Details(customer.id(), customer.name(), draft.name(), draft.amount(), currency,
                draft.expectedCloseDate(), probability, campaignId, draft.competitors(), draft.nextStep(),
                draft.description());
    }

    private void checkCampaign(UUID campaignId) {
        if (campaignId == null) {
            return;
        }
        CampaignDirectory directory = campaigns.getIfAvailable();
        if (directory == null || directory.campaignName(campaignId).isEmpty()) {
            throw BusinessRuleException.onField("campaignId", "opportunity.campaign.unknown");
        }
    }

    private Specification<Opportunity> restriction(ListRequest request) {
        Specification<Opportunity> spec = access.currentScope().<Opportunity>toSpecification()
                .and(customFields.<Opportunity>filter(MODULE, request.filters()));
        String month = request.filters().get("closeMonth");
        if (month != null && !month.isBlank()) {
            YearMonth ym;
            try {
                ym = YearMonth.parse(month.trim());
            }
            catch (DateTimeParseException e) {
                throw new InvalidQueryException("closeMonth", "query.filter.invalid", "closeMonth");
            }
            LocalDate first = ym.atDay(1);
            LocalDate next = ym.plusMonths(1).atDay(1);
            spec = spec.and((r, q, cb) -> cb.and(cb.greaterThanOrEqualTo(r.get("expectedCloseDate"), first),
                    cb.lessThan(r.get("expectedCloseDate"), next)));
        }
        return spec;
    }

    private static Specification<Opportunity> ofCustomer(UUID customerId) {
        return (r, q, cb) -> cb.equal(r.get("customerId"), customerId);
    }

    Opportunity visible(UUID id) {
        return opportunities.getVisible(id, access.currentScope(), MODULE);
    }

    private void index(Opportunity opportunity) {
        search.index(opportunity);
    }

    private List<OpportunityView> views(List<Opportunity> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> owners = organization.names(list.stream().map(Opportunity::getOwnerId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Set<UUID> pipelineIds = list.stream().map(Opportunity::getPipelineId).collect(Collectors.toSet());
        Map<UUID, String> pipelineNames = pipelines.findAllById(pipelineIds).stream()
                .collect(Collectors.toMap(Pipeline::getId, Pipeline::getName));
        Map<UUID, String> stageNames = stages.findAllById(list.stream().map(Opportunity::getStageId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(Stage::getId, Stage::getName));
        Set<UUID> reasonIds = list.stream().map(Opportunity::getLossReasonId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<UUID, String> reasons = reasonIds.isEmpty() ? Map.of() : lossReasons.findAllById(reasonIds).stream()
                .collect(Collectors.toMap(LossReason::getId, LossReason::getName));
        CampaignDirectory directory = campaigns.getIfAvailable();
        Map<UUID, String> campaignNames = new HashMap<>();
        if (directory != null) {
            Set<UUID> ids = new HashSet<>();
            list.stream().map(Opportunity::getCampaignId).filter(Objects::nonNull).forEach(ids::add);
            ids.forEach(id -> directory.campaignName(id).ifPresent(name -> campaignNames.put(id, name)));
        }
        boolean manager = currentUserIsManager();
        Map<UUID, Map<String, Object>> fields = customFields.valuesOf(MODULE,
                list.stream().map(Opportunity::getId).toList());
        return list.stream().map(o -> new OpportunityView(o.getId(), o.getNumber(), o.getName(), o.getCustomerId(),
                o.getCustomerName(), o.getAmount(), o.getCurrency(), o.getExpectedCloseDate(), o.getPipelineId(),
                pipelineNames.get(o.getPipelineId()), o.getStageId(), stageNames.get(o.getStageId()),
                o.getProbability(), o.getStatus(), o.getLossReasonId(), name(reasons, o.getLossReasonId()),
                o.getLossNote(), o.getCampaignId(), name(campaignNames, o.getCampaignId()), o.getCompetitors(),
                o.getNextStep(), o.getDescription(), o.getOwnerId(), name(owners, o.getOwnerId()),
                o.getDepartmentId(), o.getStageEnteredAt(), o.getWonAt(), o.getLostAt(), o.getClosedAt(),
                o.getCreatedAt(), o.getUpdatedAt(), o.getVersion(), o.editable(),
                OpportunityWorkflow.allowed(o.getStatus(), manager),
                fields.getOrDefault(o.getId(), Map.of()))).toList();
    }

    private static String name(Map<UUID, String> names, UUID id) {
        return id == null ? null : names.get(id);
    }

    static OpportunityRef ref(Opportunity o) {
        return new OpportunityRef(o.getId(), o.getNumber(), o.getName(), o.getCustomerId(), o.getCustomerName(),
                o.getStatus(), o.getAmount(), o.getCurrency(), o.getOwnerId(), o.getDepartmentId(),
                o.getCampaignId());
    }

    static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static UUID currentUser() {
        return CrmPrincipal.current().map(CrmPrincipal::userId)
                .orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }
}

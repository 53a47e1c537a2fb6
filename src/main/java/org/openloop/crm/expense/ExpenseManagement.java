package org.openloop.crm.expense;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.openloop.crm.audit.AuditEntry;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.expense.internal.Expense;
import org.openloop.crm.expense.internal.Expenses;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.sales.OpportunityManagement;
import org.openloop.crm.sales.OpportunityRef;
import org.openloop.crm.sales.OpportunityStatus;
import org.openloop.crm.sales.OpportunityWork;
import org.openloop.crm.shared.Authorities;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CrmPrincipal;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.DataScope;
import org.openloop.crm.shared.InvalidInputException;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Expenses on opportunities (F8). The recorder owns an expense (their department with it). An expense is readable
 * when it lies in the caller's data scope <em>and</em> the caller can see its opportunity; otherwise it is a 404 on
 * every channel. Rights are the {@code opportunity} module's: {@code view} reads, {@code edit} records and changes,
 * {@code delete} removes. A new expense needs an opportunity that accepts one (a closed or lost opportunity refuses
 * it, with the sales module's localised 409); the expenses of a closed opportunity are read-only.
 */
@Service
public class ExpenseManagement {

    static final String MODULE = "opportunity";
    public static final String RECORD_TYPE = "expense";

    static final ListQuery<Expense> QUERY = ListQuery.of(Expense.class)
            .sortable("spentOn", LocalDate.class)
            .sortable("amount", BigDecimal.class)
            .sortable("createdAt", java.time.Instant.class)
            .filter("opportunityId", UUID.class, Match.EQUALS)
            .filter("customerId", UUID.class, Match.EQUALS)
            .filter("type", ExpenseType.class, Match.EQUALS)
            .filter("ownerId", UUID.class, Match.EQUALS)
            .filter("departmentId", UUID.class, Match.EQUALS)
            .filter("spentFrom", "spentOn", LocalDate.class, Match.FROM)
            .filter("spentBefore", "spentOn", LocalDate.class, Match.BEFORE)
            .searchable("description")
            .defaultSort("-spentOn")
            .build();

    private final Expenses expenses;
    private final OpportunityManagement opportunities;
    private final AccessControl access;
    private final OrganizationManagement organization;
    private final AuditTrail audit;
    private final Exports exports;
    private final TransactionTemplate probe;
    private final Clock clock;
    private final ZoneId zone;

    ExpenseManagement(Expenses expenses, OpportunityManagement opportunities, AccessControl access,
            OrganizationManagement organization, AuditTrail audit, Exports exports,
            PlatformTransactionManager transactions, Clock clock,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.expenses = expenses;
        this.opportunities = opportunities;
        this.access = access;
        this.organization = organization;
        this.audit = audit;
        this.exports = exports;
        // an opportunity outside the caller's scope is asked about in a transaction of its own, so its 404 never
        // marks the caller's transaction for rollback
        this.probe = new TransactionTemplate(transactions);
        this.probe.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.probe.setReadOnly(true);
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The expenses in the caller's scope whose opportunities the caller can see. Besides the declared filters,
     * {@code spentTo} (inclusive date) is accepted. A page may hold fewer rows than asked for when some expenses
     * belong to opportunities the caller cannot see; the cursor still continues after the last row read.
     */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<ExpenseView> expenses(ListRequest request) {
        CursorPage<Expense> page = expenses.pageVisible(QUERY, normalise(request), access.currentScope());
        return new CursorPage<>(views(page.items(), new HashMap<>()), page.nextCursor());
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public ExpenseView expense(UUID id) {
        return views(List.of(visible(id)), new HashMap<>()).get(0);
    }

    /** Totals of the expenses of an opportunity the caller may see, per currency (only expenses in scope count). */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<ExpenseTotal> totalsOf(UUID opportunityId) {
        opportunities.ref(opportunityId);
        Specification<Expense> ofOpportunity = (root, query, cb) -> cb.equal(root.get("opportunityId"),
                opportunityId);
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        Map<String, Long> counts = new HashMap<>();
        for (Expense e : expenses.findAll(ofOpportunity.and(access.currentScope().toSpecification()),
                org.springframework.data.domain.Sort.by("currency"))) {
            sums.merge(e.getCurrency(), e.getAmount(), BigDecimal::add);
            counts.merge(e.getCurrency(), 1L, Long::sum);
        }
        return sums.entrySet().stream()
                .map(s -> new ExpenseTotal(s.getKey(), s.getValue(), counts.get(s.getKey()))).toList();
    }

    /** Records an expense owned by the caller on an opportunity that accepts one. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public ExpenseView create(ExpenseDraft draft) {
        OpportunityRef opportunity = visibleOpportunity(draft.opportunityId())
                .orElseThrow(() -> BusinessRuleException.onField("opportunityId", "expense.opportunity.unknown"));
        opportunities.requireAcceptsNewWork(opportunity.id(), OpportunityWork.EXPENSE);
        checkDate(draft);
        UUID me = currentUser();
        Expense expense = new Expense(opportunity.id(), opportunity.customerId(), me, access.departmentOf(me),
                clock.instant());
        expense.update(details(draft), clock.instant());
        expenses.save(expense);
        Map<UUID, OpportunityRef> known = new HashMap<>();
        known.put(opportunity.id(), opportunity);
        return views(List.of(expense), known).get(0);
    }

    /** Changes an expense; its opportunity stays, and a closed opportunity's expenses are read-only (409). */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public ExpenseView update(UUID id, ExpenseDraft draft, boolean versionFromIfMatch) {
        Expense expense = visible(id);
        OpportunityRef opportunity = requireChangeable(expense);
        VersionConflictException.check(RECORD_TYPE, id, draft.version(), expense.getVersion(), versionFromIfMatch);
        if (!expense.getOpportunityId().equals(draft.opportunityId())) {
            throw BusinessRuleException.onField("opportunityId", "expense.opportunity.fixed");
        }
        checkDate(draft);
        expense.update(details(draft), clock.instant());
        expenses.flush();
        Map<UUID, OpportunityRef> known = new HashMap<>();
        known.put(opportunity.id(), opportunity);
        return views(List.of(expense), known).get(0);
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "delete")
    public void delete(UUID id) {
        Expense expense = visible(id);
        requireChangeable(expense);
        expenses.delete(expense);
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<AuditEntry> history(UUID id, ListRequest request) {
        visible(id);
        return audit.historyOf(RECORD_TYPE, id, request);
    }

    /** Exports the filtered list as the caller sees it (scope and opportunity visibility apply; opportunity:export). */
    @RequiresPermission(module = MODULE, action = "export")
    public void export(ListRequest request, Exports.Format format, List<String> headers,
            Function<ExpenseView, List<?>> row, HttpServletResponse response) throws IOException {
        ListRequest normalised = normalise(request);
        DataScope scope = access.currentScope();
        // opportunities already looked up stay known across pages, so each is read once per export
        Map<UUID, OpportunityRef> known = new HashMap<>();
        exports.writeList(response, format, "expenses", RECORD_TYPE, headers, zone, normalised,
                page -> expenses.pageVisible(QUERY, page, scope), batch -> views(batch, known), row);
    }

    /**
     * Checks, for the attachments of an expense, that the caller may read it (404 otherwise) and, when
     * {@code edit}, also change it (403 without the edit right or when its opportunity is closed). Runs without a
     * transaction of its own, so a refusal never marks the caller's transaction for rollback.
     */
    public void checkAccess(UUID id, boolean edit) {
        requirePermission(Authorities.Action.VIEW);
        Expense expense = visible(id);
        if (edit) {
            requirePermission(Authorities.Action.EDIT);
            OpportunityRef opportunity = visibleOpportunity(expense.getOpportunityId())
                    .orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
            if (opportunity.status() == OpportunityStatus.CLOSED) {
                throw new org.springframework.security.access.AccessDeniedException("expense of a closed opportunity");
            }
        }
    }

    /** Whether the opportunity accepts a new expense now (for showing the "record expense" button). */
    @RequiresPermission(module = MODULE, action = "view")
    public boolean acceptsExpenses(UUID opportunityId) {
        try {
            probe.executeWithoutResult(
                    status -> opportunities.requireAcceptsNewWork(opportunityId, OpportunityWork.EXPENSE));
            return true;
        }
        catch (BusinessRuleException | RecordNotFoundException e) {
            return false;
        }
    }

    private OpportunityRef requireChangeable(Expense expense) {
        OpportunityRef opportunity = opportunities.ref(expense.getOpportunityId());
        if (opportunity.status() == OpportunityStatus.CLOSED) {
            throw BusinessRuleException.conflict("opportunityId", "expense.opportunity.closed");
        }
        return opportunity;
    }

    private void checkDate(ExpenseDraft draft) {
        if (draft.spentOn().isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw new InvalidInputException(List.of(
                    InvalidInputException.FieldProblem.of("spentOn", "expense.spentOn.future")));
        }
    }

    private static Expense.Details details(ExpenseDraft draft) {
        return new Expense.Details(draft.type(), draft.amount(), draft.currency(), draft.spentOn(),
                draft.description());
    }

    private ListRequest normalise(ListRequest request) {
        String to = request.filters().get("spentTo");
        if (to == null) {
            return request;
        }
        Map<String, String> filters = new HashMap<>(request.filters());
        filters.remove("spentTo");
        if (!to.isBlank()) {
            try {
                filters.put("spentBefore", LocalDate.parse(to.trim()).plusDays(1).toString());
            }
            catch (DateTimeParseException e) {
                throw new InvalidQueryException("spentTo", "expense.filter.date");
            }
        }
        return new ListRequest(request.cursor(), request.size(), request.sort(), request.q(), filters);
    }

    private Expense visible(UUID id) {
        Expense expense = expenses.getVisible(id, access.currentScope(), RECORD_TYPE);
        if (visibleOpportunity(expense.getOpportunityId()).isEmpty()) {
            throw new RecordNotFoundException(RECORD_TYPE, id);
        }
        return expense;
    }

    /** The opportunity if the caller can see it; asked in a transaction of its own (see the constructor). */
    private Optional<OpportunityRef> visibleOpportunity(UUID opportunityId) {
        try {
            return Optional.ofNullable(probe.execute(status -> opportunities.ref(opportunityId)));
        }
        catch (RecordNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Views of the expenses whose opportunities the caller can see; the others are left out. */
    private List<ExpenseView> views(List<Expense> list, Map<UUID, OpportunityRef> known) {
        Set<UUID> hidden = new HashSet<>();
        List<Expense> shown = new ArrayList<>();
        for (Expense e : list) {
            UUID opportunityId = e.getOpportunityId();
            if (!known.containsKey(opportunityId) && !hidden.contains(opportunityId)) {
                visibleOpportunity(opportunityId).ifPresentOrElse(o -> known.put(opportunityId, o),
                        () -> hidden.add(opportunityId));
            }
            if (known.containsKey(opportunityId)) {
                shown.add(e);
            }
        }
        Set<UUID> users = new HashSet<>();
        shown.forEach(e -> users.add(e.getOwnerId()));
        users.remove(null);
        Map<UUID, String> names = users.isEmpty() ? Map.of() : organization.names(users);
        boolean mayEdit = currentUserMay(Authorities.Action.EDIT);
        return shown.stream().map(e -> {
            OpportunityRef o = known.get(e.getOpportunityId());
            return new ExpenseView(e.getId(), e.getOpportunityId(), o.number(), o.name(), o.customerId(),
                    o.customerName(), e.getType(), e.getAmount(), e.getCurrency(), e.getSpentOn(), e.getDescription(),
                    e.getOwnerId(), names.get(e.getOwnerId()), e.getDepartmentId(),
                    mayEdit && o.status() != OpportunityStatus.CLOSED, e.getCreatedAt(), e.getVersion());
        }).toList();
    }

    private boolean currentUserMay(Authorities.Action action) {
        return CrmPrincipal.current().map(p -> access.hasPermission(p.userId(), MODULE, action)).orElse(false);
    }

    private void requirePermission(Authorities.Action action) {
        if (!currentUserMay(action)) {
            throw new org.springframework.security.access.AccessDeniedException(MODULE + ":" + action.code());
        }
    }

    private static UUID currentUser() {
        return CrmPrincipal.current().map(CrmPrincipal::userId).orElseThrow();
    }
}

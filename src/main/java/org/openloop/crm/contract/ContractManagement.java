package org.openloop.crm.contract;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.AuditEntry;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.contract.internal.Contract;
import org.openloop.crm.contract.internal.ContractLine;
import org.openloop.crm.contract.internal.ContractNotices;
import org.openloop.crm.contract.internal.ContractSearch;
import org.openloop.crm.contract.internal.Contracts;
import org.openloop.crm.contract.internal.Money;
import org.openloop.crm.contract.internal.Payment;
import org.openloop.crm.contract.internal.PaymentPlan;
import org.openloop.crm.contract.internal.PaymentPlans;
import org.openloop.crm.contract.internal.Payments;
import org.openloop.crm.contract.internal.SalesLinks;
import org.openloop.crm.contract.internal.Settlement;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.platform.SequenceNumbers;
import org.openloop.crm.sales.OpportunityRef;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CrmPrincipal;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.InvalidInputException;
import org.openloop.crm.shared.InvalidQueryException;
import org.openloop.crm.shared.ListQuery;
import org.openloop.crm.shared.ListQuery.Match;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.RequiresPermission;
import org.openloop.crm.shared.SensitiveData;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Contracts and orders (F6) and a customer's transaction history (B10). A contract is made from an accepted quote
 * in the caller's scope — one per quote — and wins the quote's opportunity in the same transaction; the opportunity
 * must still accept new work. Reads are limited to the caller's data scope (404 outside it) and pass through
 * {@link SensitiveData#mask}; owner and department are the creator's, never taken from input, and change only
 * through {@link #transfer} with the assignment check (A5).
 */
@Service
public class ContractManagement {

    static final String MODULE = "contract";

    static final ListQuery<Contract> QUERY = ListQuery.of(Contract.class)
            .sortable("createdAt", Instant.class)
            .sortable("signingDate", LocalDate.class)
            .sortable("renewalDate", LocalDate.class)
            .sortable("number", String.class)
            .filter("customerId", UUID.class, Match.EQUALS)
            .filter("status", ContractStatus.class, Match.EQUALS)
            .filter("delivery", "deliveryStatus", DeliveryStatus.class, Match.EQUALS)
            .filter("kind", ContractKind.class, Match.EQUALS)
            .filter("ownerId", UUID.class, Match.EQUALS)
            .filter("opportunityId", UUID.class, Match.EQUALS)
            .searchable("number")
            .searchable("title")
            .defaultSort("-createdAt")
            .build();

    private final Contracts contracts;
    private final PaymentPlans plans;
    private final Payments payments;
    private final Settlement settlement;
    private final SalesLinks sales;
    private final CustomerManagement customers;
    private final OrganizationManagement organization;
    private final AccessControl access;
    private final SequenceNumbers numbers;
    private final AuditTrail audit;
    private final Exports exports;
    private final Clock clock;
    private final ZoneId zone;
    private final String numberPattern;

    private final ContractSearch search;
    private final ContractNotices notices;

    ContractManagement(Contracts contracts, PaymentPlans plans, Payments payments, Settlement settlement,
            SalesLinks sales, CustomerManagement customers, OrganizationManagement organization,
            AccessControl access, SequenceNumbers numbers, AuditTrail audit, Exports exports, Clock clock,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone,
            @Value("${crm.contract.number-pattern:HT{date:yyyyMMdd}{seq:3}}") String numberPattern,
            ContractSearch search, ContractNotices notices) {
        this.search = search;
        this.notices = notices;
        this.contracts = contracts;
        this.plans = plans;
        this.payments = payments;
        this.settlement = settlement;
        this.sales = sales;
        this.customers = customers;
        this.organization = organization;
        this.access = access;
        this.numbers = numbers;
        this.audit = audit;
        this.exports = exports;
        this.clock = clock;
        this.zone = zone;
        this.numberPattern = numberPattern;
    }

    // --- reading ------------------------------------------------------------------------------------------------

    /**
     * Contracts in the caller's scope. Besides the declared filters: {@code signingMonth=yyyy-MM} and
     * {@code overdue=true} (an instalment past due and not covered).
     */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<ContractView> contracts(ListRequest request) {
        CursorPage<Contract> page = QUERY.page(contracts, request, restriction(request));
        return new CursorPage<>(views(page.items(), false), page.nextCursor());
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public ContractView contract(UUID id) {
        return views(List.of(visible(id)), true).get(0);
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<AuditEntry> history(UUID id, ListRequest request) {
        visible(id);
        return audit.historyOf("contract", id, request);
    }

    /** Exports the filtered contracts the caller may see, masked as on screen. */
    @RequiresPermission(module = MODULE, action = "export")
    public void export(ListRequest request, Exports.Format format, List<String> headers,
            Function<ContractView, List<?>> row, ZoneId zone, HttpServletResponse response) throws IOException {
        exports.writeList(response, format, "contracts", "contract", headers, zone, request,
                page -> QUERY.page(contracts, page, restriction(request)), batch -> views(batch, false), row);
    }

    /**
     * A customer's transactions (B10): the contracts in the caller's scope with their lines and payments, newest
     * first, and totals per currency. A customer the caller may not see is a 404.
     */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public TransactionHistory transactions(UUID customerId) {
        customers.customer(customerId);
        Specification<Contract> ofCustomer = (r, q, cb) -> cb.equal(r.get("customerId"), customerId);
        List<Contract> found = new ArrayList<>(
                contracts.findAll(ofCustomer.and(access.currentScope().toSpecification())));
        // by signing date, newest first; a contract without one counts from the day it was made
        found.sort(Comparator.comparing((Contract c) -> c.getSigningDate() != null ? c.getSigningDate()
                : c.getCreatedAt().atZone(zone).toLocalDate()).thenComparing(Contract::getCreatedAt).reversed());
        List<ContractView> views = views(found, true);
        Map<UUID, Contract> byId = found.stream().collect(Collectors.toMap(Contract::getId, c -> c));
        List<Payment> paid = found.isEmpty() ? List.of() : payments.findByContractIdIn(byId.keySet());
        List<PaymentView> paymentViews = paid.stream()
                .sorted(Comparator.comparing(Payment::getReceivedOn).thenComparing(Payment::getCreatedAt).reversed())
                .map(p -> paymentView(p, byId.get(p.getContractId()), Map.of()))
                .toList();
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
        for (Contract c : found) {
            BigDecimal[] s = sums.computeIfAbsent(c.getCurrency(), k -> new BigDecimal[] {Money.ZERO, Money.ZERO});
            s[0] = s[0].add(c.getAmount());
            s[1] = s[1].add(c.getReceived());
        }
        List<TransactionHistory.Totals> totals = sums.entrySet().stream()
                .map(e -> SensitiveData.mask(new TransactionHistory.Totals(e.getKey(), e.getValue()[0],
                        e.getValue()[1], e.getValue()[0].subtract(e.getValue()[1]))))
                .toList();
        return new TransactionHistory(customerId, views, paymentViews, totals, !SensitiveData.canView());
    }

    /**
     * What a contract from the quote would hold, for the form; refuses like {@link #create} would (409 for a quote
     * already under contract, not accepted, or an opportunity that takes no new work).
     */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "create")
    public QuotePreview preview(UUID quoteId) {
        Contract.Quoted quoted = acceptable(quoteId);
        List<ContractLineView> lines = quoted.lines().stream().map(ContractManagement::lineView).toList();
        return SensitiveData.mask(new QuotePreview(quoteId, quoted.quoteNumber(), quoted.opportunityId(),
                quoted.customerId(), customerNames(Set.of(quoted.customerId())).get(quoted.customerId()),
                quoted.currency(), Money.of(quoted.grandTotal()), lines, !SensitiveData.canView()));
    }

    // --- changing -----------------------------------------------------------------------------------------------

    /**
     * Makes a contract from an accepted quote (F6): lines and totals copied, customer and opportunity from the quote.
     * A second contract for the same quote, a quote that is not accepted or an opportunity that takes no new work
     * answer 409. The opportunity becomes won in the same transaction.
     */
    @Transactional
    @RequiresPermission(module = MODULE, action = "create")
    public ContractView create(ContractDraft draft) {
        UUID me = currentUser();
        checkTerm(draft.termStart(), draft.termEnd());
        Contract.Quoted quoted = acceptable(draft.quoteId());
        Instant now = clock.instant();
        Contract contract = new Contract(numbers.next(MODULE, numberPattern), quoted,
                new Contract.Terms(draft.title(), draft.kind(), draft.signingDate(), draft.termStart(),
                        draft.termEnd(), draft.renewalDate(), draft.signer(), draft.notes()),
                me, access.departmentOf(me), now);
        contracts.saveAndFlush(contract);
        search.index(contract);
        if (quoted.opportunityId() != null) {
            sales.markWon(quoted.opportunityId());
        }
        return views(List.of(contract), true).get(0);
    }

    /** Changes title, kind, dates, delivery, signer and notes; {@code version} stale → 409. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public ContractView update(UUID id, ContractChanges changes, boolean versionFromIfMatch) {
        Contract contract = visible(id);
        VersionConflictException.check(MODULE, id, changes.version(), contract.getVersion(), versionFromIfMatch);
        LocalDate termStart = changes.termStart();
        LocalDate termEnd = changes.termEnd();
        if (!SensitiveData.canView()) {
            // the user only ever saw the term masked: what they send cannot replace it
            termStart = contract.getTermStart();
            termEnd = contract.getTermEnd();
        }
        checkTerm(termStart, termEnd);
        Instant now = clock.instant();
        contract.apply(new Contract.Terms(changes.title(), changes.kind(), changes.signingDate(), termStart, termEnd,
                changes.renewalDate(), changes.signer(), changes.notes()), now);
        contract.deliver(changes.deliveryStatus(), now);
        settlement.settle(contract);
        contracts.flush();
        search.index(contract);
        return views(List.of(contract), true).get(0);
    }

    /** Changes the delivery status (发货); shipping the last of a fully paid contract closes its opportunity. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public ContractView deliver(UUID id, DeliveryStatus status, Long version, boolean versionFromIfMatch) {
        if (status == null) {
            throw BusinessRuleException.onField("deliveryStatus", "contract.delivery.required");
        }
        Contract contract = visible(id);
        VersionConflictException.check(MODULE, id, version, contract.getVersion(), versionFromIfMatch);
        contract.deliver(status, clock.instant());
        settlement.settle(contract);
        contracts.flush();
        return views(List.of(contract), true).get(0);
    }

    /**
     * Transfers a contract to another user (转移) after the assignment check (A5): the owner and department become the
     * assignee's, its instalments and payments follow, the move is audited and the new owner is notified. A contract
     * outside the caller's scope is a 404; no assignee is refused input (400).
     */
    @Transactional
    @RequiresPermission(module = MODULE, action = "assign")
    public ContractView transfer(UUID id, UUID assigneeId) {
        Contract contract = visible(id);
        if (assigneeId == null) {
            throw new InvalidInputException(List.of(
                    InvalidInputException.FieldProblem.of("assigneeId", "contract.transfer.assigneeRequired")));
        }
        UUID department = access.checkHandOver(MODULE, assigneeId);
        UUID previous = contract.getOwnerId();
        Instant now = clock.instant();
        contract.transferTo(assigneeId, department, now);
        plans.findByContractIdOrderByDueDateAscIdAsc(id).forEach(p -> p.followOwner(contract, now));
        payments.findByContractIdOrderByReceivedOnAscCreatedAtAsc(id).forEach(p -> p.followOwner(contract, now));
        audit.record(AuditAction.ASSIGN, MODULE, id, "ownerId", String.valueOf(previous), String.valueOf(assigneeId),
                null);
        contracts.flush();
        search.index(contract);
        notices.assigned(contract, currentUser());
        return views(List.of(contract), true).get(0);
    }

    /** Deletes a contract without payments (a contract with money received is kept for the books: 409). */
    @Transactional
    @RequiresPermission(module = MODULE, action = "delete")
    public void delete(UUID id) {
        Contract contract = visible(id);
        if (payments.existsByContractId(id)) {
            throw BusinessRuleException.conflict(null, "contract.delete.paid");
        }
        plans.deleteAll(plans.findByContractIdOrderByDueDateAscIdAsc(id));
        contracts.delete(contract);
        search.remove(id);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private Contract.Quoted acceptable(UUID quoteId) {
        if (contracts.existsByQuoteId(quoteId)) {
            throw BusinessRuleException.conflict("quoteId", "contract.quote.taken");
        }
        Contract.Quoted quoted = sales.acceptedQuote(quoteId);
        if (quoted.opportunityId() != null) {
            sales.requireAcceptsContract(quoted.opportunityId());
        }
        return quoted;
    }

    private void checkTerm(LocalDate start, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw BusinessRuleException.onField("termEnd", "contract.term.order");
        }
    }

    private Specification<Contract> restriction(ListRequest request) {
        Specification<Contract> restriction = access.currentScope().toSpecification();
        String month = request.filters().get("signingMonth");
        if (month != null && !month.isBlank()) {
            YearMonth parsed;
            try {
                parsed = YearMonth.parse(month.trim());
            }
            catch (DateTimeParseException e) {
                throw new InvalidQueryException("signingMonth", "query.filter.invalid", "signingMonth");
            }
            LocalDate from = parsed.atDay(1);
            LocalDate to = parsed.plusMonths(1).atDay(1);
            restriction = restriction.and((r, q, cb) -> cb.and(cb.greaterThanOrEqualTo(r.get("signingDate"), from),
                    cb.lessThan(r.get("signingDate"), to)));
        }
        if ("true".equals(request.filters().get("overdue"))) {
            LocalDate today = settlement.today();
            restriction = restriction.and((r, q, cb) -> {
                var sub = q.subquery(UUID.class);
                var plan = sub.from(PaymentPlan.class);
                sub.select(plan.get("contractId")).where(cb.isFalse(plan.get("covered")),
                        cb.lessThan(plan.get("dueDate"), today));
                return r.get("id").in(sub);
            });
        }
        return restriction;
    }

    Contract visible(UUID id) {
        return contracts.getVisible(id, access.currentScope(), MODULE);
    }

    static UUID currentUser() {
        return CrmPrincipal.current().map(CrmPrincipal::userId).orElseThrow();
    }

    private Map<UUID, String> customerNames(Collection<UUID> ids) {
        try {
            return customers.names(ids);
        }
        catch (AccessDeniedException e) {
            return Map.of();
        }
    }

    List<ContractView> views(List<Contract> found, boolean withLines) {
        if (found.isEmpty()) {
            return List.of();
        }
        Set<UUID> owners = found.stream().map(Contract::getOwnerId).collect(Collectors.toSet());
        Map<UUID, String> names = organization.names(owners);
        Map<UUID, String> customerNames = customerNames(
                found.stream().map(Contract::getCustomerId).collect(Collectors.toSet()));
        Set<UUID> ids = found.stream().map(Contract::getId).collect(Collectors.toSet());
        LocalDate today = settlement.today();
        Set<UUID> overdue = new HashSet<>();
        plans.findByContractIdIn(ids).forEach(p -> {
            if (p.overdue(today)) {
                overdue.add(p.getContractId());
            }
        });
        boolean masked = !SensitiveData.canView();
        return found.stream().map(c -> {
            Optional<OpportunityRef> opportunity = withLines && c.getOpportunityId() != null
                    ? sales.opportunity(c.getOpportunityId()) : Optional.empty();
            return SensitiveData.mask(new ContractView(c.getId(), c.getNumber(), c.getTitle(),
                c.getKind(), c.getStatus(), c.getQuoteId(), c.getQuoteNumber(), c.getOpportunityId(),
                opportunity.map(OpportunityRef::name).orElse(null),
                opportunity.map(OpportunityRef::status).orElse(null), c.getCustomerId(), customerNames.get(c.getCustomerId()), c.getCurrency(), c.getAmount(),
                c.getNetTotal(), c.getTaxTotal(), c.getReceived(), c.outstanding(), c.getSigningDate(),
                c.getTermStart(), c.getTermEnd(), c.getRenewalDate(), c.getDeliveryStatus(), c.getSigner(),
                c.getNotes(), overdue.contains(c.getId()), c.getOwnerId(), names.get(c.getOwnerId()),
                c.getDepartmentId(), masked, withLines ? lines(c) : List.of(), c.getCreatedAt(), c.getVersion()));
        }).toList();
    }

    private static List<ContractLineView> lines(Contract c) {
        List<ContractLineView> lines = new ArrayList<>();
        for (ContractLine l : c.getLines()) {
            lines.add(lineView(l));
        }
        return lines;
    }

    private static ContractLineView lineView(ContractLine l) {
        return SensitiveData.mask(new ContractLineView(l.getPosition(), l.getProductId(), l.getProductCode(),
                l.getProductName(), l.getDescription(), l.getUnit(), l.getQuantity(), l.getUnitPrice(),
                l.getDiscountPercent(), l.getTaxRate(), l.getNetAmount(), l.getTaxAmount(), l.getTotalAmount()));
    }

    static PaymentView paymentView(Payment p, Contract c, Map<UUID, String> customerNames) {
        return SensitiveData.mask(new PaymentView(p.getId(), p.getContractId(), c == null ? null : c.getNumber(),
                c == null ? null : c.getCustomerId(), c == null ? null : customerNames.get(c.getCustomerId()),
                p.getPlanId(), p.getReceivedOn(), p.getAmount(), p.getMethod(), p.getReference(), p.getNote(),
                p.getCreatedAt(), p.getVersion()));
    }

    static PaymentPlanView planView(PaymentPlan p, Contract c, Map<UUID, String> customerNames, LocalDate today) {
        return SensitiveData.mask(new PaymentPlanView(p.getId(), p.getContractId(), c == null ? null : c.getNumber(),
                c == null ? null : c.getCustomerId(), c == null ? null : customerNames.get(c.getCustomerId()),
                p.getDueDate(), p.getAmount(), p.getNote(), p.isCovered(), p.overdue(today), p.getVersion()));
    }

    /** Customer names for views of other parts of the module. */
    Map<UUID, String> namesOfCustomers(Collection<UUID> ids) {
        return customerNames(ids);
    }

    /** Used by the payment facade to load contracts of a page of payments (already in scope through their copy). */
    Map<UUID, Contract> contractsById(Collection<UUID> ids) {
        Map<UUID, Contract> result = new HashMap<>();
        contracts.findAllById(ids).forEach(c -> result.put(c.getId(), c));
        return result;
    }
}

package org.openloop.crm.contract;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openloop.crm.contract.internal.Contract;
import org.openloop.crm.contract.internal.ContractNotices;
import org.openloop.crm.contract.internal.Contracts;
import org.openloop.crm.contract.internal.Payment;
import org.openloop.crm.contract.internal.PaymentPlan;
import org.openloop.crm.contract.internal.PaymentPlans;
import org.openloop.crm.contract.internal.Payments;
import org.openloop.crm.contract.internal.Settlement;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListQuery;
import org.openloop.crm.shared.ListQuery.Match;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.RecordNotFoundException;
import org.openloop.crm.shared.RequiresPermission;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments (F7): planned instalments and money received against a contract, within the caller's scope of that
 * contract. Every change recomputes the contract's balance in the same transaction ({@link Settlement}): the plan
 * may not exceed the amount, payments may not exceed it (422), instalments are covered in due-date order, and a
 * contract fully paid and shipped closes its opportunity. Corrections and deletions are audited; they never reopen a
 * closed opportunity.
 */
@Service
public class PaymentManagement {

    static final String MODULE = "contract";

    static final ListQuery<PaymentPlan> PLAN_QUERY = ListQuery.of(PaymentPlan.class)
            .sortable("dueDate", LocalDate.class)
            .sortable("createdAt", Instant.class)
            .filter("contractId", UUID.class, Match.EQUALS)
            .filter("covered", Boolean.class, Match.EQUALS)
            .filter("dueFrom", "dueDate", LocalDate.class, Match.FROM)
            .filter("dueBefore", "dueDate", LocalDate.class, Match.BEFORE)
            .defaultSort("dueDate")
            .build();

    static final ListQuery<Payment> PAYMENT_QUERY = ListQuery.of(Payment.class)
            .sortable("receivedOn", LocalDate.class)
            .sortable("createdAt", Instant.class)
            .filter("contractId", UUID.class, Match.EQUALS)
            .filter("method", PaymentMethod.class, Match.EQUALS)
            .filter("receivedFrom", "receivedOn", LocalDate.class, Match.FROM)
            .filter("receivedBefore", "receivedOn", LocalDate.class, Match.BEFORE)
            .searchable("reference")
            .defaultSort("-receivedOn")
            .build();

    private final ContractManagement contractFacade;
    private final Contracts contracts;
    private final PaymentPlans plans;
    private final Payments payments;
    private final Settlement settlement;
    private final ContractNotices notices;
    private final AccessControl access;
    private final Clock clock;

    PaymentManagement(ContractManagement contractFacade, Contracts contracts, PaymentPlans plans, Payments payments,
            Settlement settlement, ContractNotices notices, AccessControl access, Clock clock) {
        this.contractFacade = contractFacade;
        this.contracts = contracts;
        this.plans = plans;
        this.payments = payments;
        this.settlement = settlement;
        this.notices = notices;
        this.access = access;
        this.clock = clock;
    }

    // --- reading ------------------------------------------------------------------------------------------------

    /** A contract's instalments in due-date order. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<PaymentPlanView> plansOf(UUID contractId) {
        Contract contract = contract(contractId);
        LocalDate today = settlement.today();
        return plans.findByContractIdOrderByDueDateAscIdAsc(contractId).stream()
                .map(p -> ContractManagement.planView(p, contract, Map.of(), today)).toList();
    }

    /** A contract's payments in the order received. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<PaymentView> paymentsOf(UUID contractId) {
        Contract contract = contract(contractId);
        return payments.findByContractIdOrderByReceivedOnAscCreatedAtAsc(contractId).stream()
                .map(p -> ContractManagement.paymentView(p, contract, Map.of())).toList();
    }

    /** Instalments across the contracts in the caller's scope; {@code overdue=true} keeps the overdue ones. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<PaymentPlanView> plans(ListRequest request) {
        Specification<PaymentPlan> restriction = access.currentScope().toSpecification();
        if ("true".equals(request.filters().get("overdue"))) {
            LocalDate today = settlement.today();
            restriction = restriction.and((r, q, cb) -> cb.and(cb.isFalse(r.get("covered")),
                    cb.lessThan(r.get("dueDate"), today)));
        }
        CursorPage<PaymentPlan> page = PLAN_QUERY.page(plans, request, restriction);
        Map<UUID, Contract> byId = contractFacade.contractsById(
                page.items().stream().map(PaymentPlan::getContractId).collect(Collectors.toSet()));
        Map<UUID, String> names = contractFacade.namesOfCustomers(
                byId.values().stream().map(Contract::getCustomerId).collect(Collectors.toSet()));
        LocalDate today = settlement.today();
        return page.map(p -> ContractManagement.planView(p, byId.get(p.getContractId()), names, today));
    }

    /** Payments received across the contracts in the caller's scope. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<PaymentView> payments(ListRequest request) {
        CursorPage<Payment> page = payments.pageVisible(PAYMENT_QUERY, request, access.currentScope());
        Map<UUID, Contract> byId = contractFacade.contractsById(
                page.items().stream().map(Payment::getContractId).collect(Collectors.toSet()));
        Map<UUID, String> names = contractFacade.namesOfCustomers(
                byId.values().stream().map(Contract::getCustomerId).collect(Collectors.toSet()));
        return page.map(p -> ContractManagement.paymentView(p, byId.get(p.getContractId()), names));
    }

    /** One instalment of a contract in the caller's scope; 404 when it belongs to another contract. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public PaymentPlanView plan(UUID contractId, UUID planId) {
        Contract contract = contract(contractId);
        return ContractManagement.planView(planOf(contract, planId), contract, Map.of(), settlement.today());
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public PaymentView payment(UUID id) {
        Payment payment = payments.getVisible(id, access.currentScope(), "payment");
        return ContractManagement.paymentView(payment, contract(payment.getContractId()), Map.of());
    }

    // --- changing -----------------------------------------------------------------------------------------------

    /** Adds an instalment; the plan's total may not exceed the contract's amount (422). */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public PaymentPlanView addPlan(UUID contractId, PaymentPlanDraft draft) {
        Contract contract = contract(contractId);
        PaymentPlan plan = plans.save(new PaymentPlan(contract, draft.dueDate(), draft.amount(), draft.note(),
                clock.instant()));
        settlement.settle(contract);
        plans.flush();
        return ContractManagement.planView(plan, contract, Map.of(), settlement.today());
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public PaymentPlanView changePlan(UUID contractId, UUID planId, PaymentPlanDraft draft,
            boolean versionFromIfMatch) {
        Contract contract = contract(contractId);
        PaymentPlan plan = planOf(contract, planId);
        VersionConflictException.check("paymentPlan", planId, draft.version(), plan.getVersion(), versionFromIfMatch);
        plan.change(draft.dueDate(), draft.amount(), draft.note(), clock.instant());
        settlement.settle(contract);
        plans.flush();
        return ContractManagement.planView(plan, contract, Map.of(), settlement.today());
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public void deletePlan(UUID contractId, UUID planId) {
        Contract contract = contract(contractId);
        PaymentPlan plan = planOf(contract, planId);
        payments.findByContractIdOrderByReceivedOnAscCreatedAtAsc(contractId).stream()
                .filter(p -> planId.equals(p.getPlanId()))
                .forEach(p -> p.change(new Payment.Details(p.getReceivedOn(), p.getAmount(), p.getMethod(),
                        p.getReference(), p.getNote(), null), clock.instant()));
        plans.delete(plan);
        plans.flush();
        settlement.settle(contract);
    }

    /** Records money received; more than the outstanding balance is refused (422). */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public PaymentView record(UUID contractId, PaymentDraft draft) {
        Contract contract = contract(contractId);
        checkPlan(contract, draft.planId());
        Payment payment = payments.save(new Payment(contract, details(draft), clock.instant()));
        settlement.settle(contract);
        contracts.flush();
        return ContractManagement.paymentView(payment, contract, Map.of());
    }

    /** Corrects a payment (audited, old → new); stale version → 409. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public PaymentView correct(UUID paymentId, PaymentDraft draft, boolean versionFromIfMatch) {
        Payment payment = payments.getVisible(paymentId, access.currentScope(), "payment");
        VersionConflictException.check("payment", paymentId, draft.version(), payment.getVersion(),
                versionFromIfMatch);
        Contract contract = contract(payment.getContractId());
        checkPlan(contract, draft.planId());
        payment.change(details(draft), clock.instant());
        settlement.settle(contract);
        contracts.flush();
        return ContractManagement.paymentView(payment, contract, Map.of());
    }

    /** Deletes a payment (audited). The balance reopens; a closed opportunity stays closed. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "delete")
    public void delete(UUID paymentId) {
        Payment payment = payments.getVisible(paymentId, access.currentScope(), "payment");
        Contract contract = contract(payment.getContractId());
        payments.delete(payment);
        settlement.settle(contract);
        contracts.flush();
    }

    // --- the overdue job ----------------------------------------------------------------------------------------

    /**
     * Notifies each overdue instalment's contract owner once, in the transaction that marks the instalment with a
     * conditional update; returns how many were sent. For {@link PaymentOverdueJob}.
     */
    @Transactional
    int notifyOverdue(int batch) {
        LocalDate today = settlement.today();
        Instant now = clock.instant();
        int sent = 0;
        for (PaymentPlan plan : plans.findOverdueUnnotified(today, PageRequest.of(0, batch))) {
            if (plans.markOverdueNotified(plan.getId(), now) == 1) {
                contracts.findById(plan.getContractId()).ifPresent(c -> notices.overdue(plan, c));
                sent++;
            }
        }
        return sent;
    }

    /** Reminds each contract's owner once, {@code daysAhead} days before its renewal date. */
    @Transactional
    int remindRenewals(int daysAhead, int batch) {
        LocalDate today = settlement.today();
        Instant now = clock.instant();
        int sent = 0;
        for (Contract contract : contracts.findRenewalsDue(today, today.plusDays(daysAhead),
                PageRequest.of(0, batch))) {
            if (contracts.markRenewalReminded(contract.getId(), now) == 1) {
                notices.renewal(contract);
                sent++;
            }
        }
        return sent;
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private Contract contract(UUID contractId) {
        return contracts.getVisible(contractId, access.currentScope(), MODULE);
    }

    private PaymentPlan planOf(Contract contract, UUID planId) {
        PaymentPlan plan = plans.findById(planId).orElseThrow(() -> new RecordNotFoundException("paymentPlan", planId));
        if (!plan.getContractId().equals(contract.getId())) {
            throw new RecordNotFoundException("paymentPlan", planId);
        }
        return plan;
    }

    private void checkPlan(Contract contract, UUID planId) {
        if (planId == null) {
            return;
        }
        Set<UUID> ofContract = plans.findByContractIdOrderByDueDateAscIdAsc(contract.getId()).stream()
                .map(PaymentPlan::getId).collect(Collectors.toSet());
        if (!ofContract.contains(planId)) {
            throw BusinessRuleException.onField("planId", "payment.plan.unknown");
        }
    }

    private static Payment.Details details(PaymentDraft draft) {
        return new Payment.Details(draft.receivedOn(), draft.amount(), draft.method(), draft.reference(),
                draft.note(), draft.planId());
    }
}

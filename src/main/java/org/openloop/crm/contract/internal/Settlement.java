package org.openloop.crm.contract.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.openloop.crm.shared.BusinessRuleException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps a contract's money consistent after every change to its payments, instalments or delivery, in the caller's
 * transaction: the received total (never above the amount — over-payment is refused), which instalments are covered
 * (money received pays instalments in due-date order), the status, and — once fully paid and shipped — the
 * opportunity closed. A later correction that reopens the balance sets the contract back to in progress but does not
 * reopen the opportunity: closing is the sales module's one-way step.
 */
@Component
public class Settlement {

    private final Payments payments;
    private final PaymentPlans plans;
    private final SalesLinks sales;
    private final Clock clock;
    private final ZoneId zone;

    Settlement(Payments payments, PaymentPlans plans, SalesLinks sales, Clock clock,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.payments = payments;
        this.plans = plans;
        this.sales = sales;
        this.clock = clock;
        this.zone = zone;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Recomputes the contract; refuses (422) when the payments exceed the amount or the plan exceeds it. */
    public void settle(Contract contract) {
        payments.flush();
        BigDecimal received = payments.findByContractIdOrderByReceivedOnAscCreatedAtAsc(contract.getId()).stream()
                .map(Payment::getAmount).reduce(Money.ZERO, BigDecimal::add);
        if (received.compareTo(contract.getAmount()) > 0) {
            throw BusinessRuleException.onField("amount", "payment.overpaid",
                    contract.getAmount().subtract(contract.getReceived()).max(Money.ZERO).toPlainString());
        }
        List<PaymentPlan> planned = plans.findByContractIdOrderByDueDateAscIdAsc(contract.getId());
        BigDecimal plannedTotal = planned.stream().map(PaymentPlan::getAmount).reduce(Money.ZERO, BigDecimal::add);
        if (plannedTotal.compareTo(contract.getAmount()) > 0) {
            throw BusinessRuleException.onField("amount", "paymentPlan.exceeds",
                    contract.getAmount().toPlainString());
        }
        BigDecimal left = received;
        for (PaymentPlan plan : planned) {
            boolean covered = left.compareTo(plan.getAmount()) >= 0;
            plan.cover(covered);
            left = covered ? left.subtract(plan.getAmount()) : Money.ZERO;
        }
        boolean wasFulfilled = contract.getStatus() == org.openloop.crm.contract.ContractStatus.COMPLETED;
        contract.settle(received, clock.instant());
        if (contract.fulfilled() && !wasFulfilled && contract.getOpportunityId() != null) {
            sales.closeFulfilled(contract.getOpportunityId());
        }
    }

    /** Whether any instalment of the contract is overdue today. */
    public boolean overdue(List<PaymentPlan> planned) {
        LocalDate today = today();
        return planned.stream().anyMatch(p -> p.overdue(today));
    }
}

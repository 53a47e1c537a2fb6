package org.openloop.crm.contract;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Tells a contract's owner once about each instalment past its due date and not covered (F7), and once, N days
 * ahead, about a coming renewal date (续签日). Each notice goes out in the transaction that marks its record with a
 * conditional update, so reruns and a second instance never send twice.
 */
@Component
class PaymentOverdueJob {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentOverdueJob.class);
    private static final int BATCH = 200;

    private final PaymentManagement payments;
    private final int renewalDays;

    PaymentOverdueJob(PaymentManagement payments, @Value("${crm.contract.renewal-reminder-days:30}") int renewalDays) {
        this.payments = payments;
        this.renewalDays = renewalDays;
    }

    @Scheduled(cron = "${crm.contract.reminder-cron:0 10 * * * *}", zone = "${crm.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "contract-payment-reminders", lockAtMostFor = "PT10M")
    public void run() {
        int overdue = 0;
        int sent;
        do {
            sent = payments.notifyOverdue(BATCH);
            overdue += sent;
        } while (sent == BATCH);
        int renewals = 0;
        do {
            sent = payments.remindRenewals(renewalDays, BATCH);
            renewals += sent;
        } while (sent == BATCH);
        if (overdue + renewals > 0) {
            LOG.info("Contracts: {} overdue instalment notices, {} renewal reminders", overdue, renewals);
        }
    }
}

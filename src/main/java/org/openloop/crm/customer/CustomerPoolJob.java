package org.openloop.crm.customer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.customer.internal.Customer;
import org.openloop.crm.customer.internal.CustomerNotices;
import org.openloop.crm.customer.internal.CustomerPoolRule;
import org.openloop.crm.customer.internal.CustomerPoolRules;
import org.openloop.crm.customer.internal.Customers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Returns customers to the pool after the days their level allows without a follow-up, and marks the ones due
 * within the warning period (B5). ShedLock makes one instance of a cluster run it; it is idempotent because a
 * returned customer no longer matches and a warned one is marked, so a rerun or a second instance changes nothing.
 */
@Component
class CustomerPoolJob {

    /** Stored as the reason of automatic returns; pages show it in the reader's language. */
    static final String AUTOMATIC_REASON = "customer.pool.reason.automatic";

    private static final Logger LOG = LoggerFactory.getLogger(CustomerPoolJob.class);
    private static final int BATCH = 200;

    private final Customers customers;
    private final CustomerPoolRules rules;
    private final CustomerPool pool;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final CustomerNotices notices;

    CustomerPoolJob(Customers customers, CustomerPoolRules rules, CustomerPool pool, AuditTrail audit,
            TransactionTemplate transactions, Clock clock, CustomerNotices notices) {
        this.customers = customers;
        this.rules = rules;
        this.pool = pool;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.notices = notices;
    }

    @Scheduled(cron = "${crm.customer.pool.job-cron:0 */15 * * * *}", zone = "${crm.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "customer-pool-return", lockAtMostFor = "PT10M")
    public void run() {
        Result result = returnAndWarn();
        if (result.returned() + result.warned() > 0) {
            LOG.info("Customer pool: {} returned, {} warned", result.returned(), result.warned());
        }
    }

    record Result(int returned, int warned) {
    }

    Result returnAndWarn() {
        Instant now = clock.instant();
        int returned = 0;
        int warned = 0;
        for (CustomerPoolRule rule : rules.byLevel().values()) {
            if (rule.getReturnAfterDays() == null) {
                continue;
            }
            Instant cutoff = now.minus(Duration.ofDays(rule.getReturnAfterDays()));
            returned += inBatches(() -> customers.findFollowUpDue(rule.getLevel(), cutoff, PageRequest.of(0, BATCH)),
                    customer -> pool.returnToPool(customer, AUTOMATIC_REASON, now));
            if (rule.getWarnBeforeDays() > 0) {
                Instant warnCutoff = cutoff.plus(Duration.ofDays(rule.getWarnBeforeDays()));
                warned += inBatches(
                        () -> customers.findUnwarnedFollowUpDue(rule.getLevel(), warnCutoff, PageRequest.of(0, BATCH)),
                        customer -> warn(customer, rule, now));
            }
        }
        return new Result(returned, warned);
    }

    private void warn(Customer customer, CustomerPoolRule rule, Instant now) {
        customer.markPoolWarning(now);
        Instant due = CustomerPoolRules.returnDue(customer, rule);
        audit.record(AuditAction.UPDATE, "customer", customer.getId(), "poolWarning", null, String.valueOf(due),
                "customer.pool.warning");
        notices.poolWarning(customer, due);
    }

    /** Applies {@code change} to batches until none is left; each batch commits on its own. */
    private int inBatches(java.util.function.Supplier<List<Customer>> batch,
            java.util.function.Consumer<Customer> change) {
        int total = 0;
        while (true) {
            Integer done = transactions.execute(status -> {
                List<Customer> due = batch.get();
                due.forEach(change);
                customers.flush();
                return due.size();
            });
            total += done == null ? 0 : done;
            if (done == null || done < BATCH) {
                return total;
            }
        }
    }
}

package org.openloop.crm.collaboration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.openloop.crm.collaboration.internal.CollaborationTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Escalates overdue tasks to the coordinators of the departments asked (E5). ShedLock lets one instance of a cluster
 * run it; each task is marked {@code escalated_at} in the transaction that notifies, and a task changed meanwhile
 * fails its version check and rolls back, so a rerun or a second instance escalates a task once.
 */
@Component
class CollaborationEscalationJob {

    private static final Logger LOG = LoggerFactory.getLogger(CollaborationEscalationJob.class);
    private static final int BATCH = 100;

    private final CollaborationManagement collaboration;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CollaborationEscalationJob(CollaborationManagement collaboration, TransactionTemplate transactions, Clock clock) {
        this.collaboration = collaboration;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(cron = "${crm.collaboration.escalation-cron:0 */10 * * * *}", zone = "${crm.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "collaboration-escalation", lockAtMostFor = "PT10M")
    public void run() {
        int escalated = escalateOverdue();
        if (escalated > 0) {
            LOG.info("Collaboration: {} overdue tasks escalated", escalated);
        }
    }

    /** Escalates every overdue task not escalated yet; returns how many this run escalated. */
    int escalateOverdue() {
        Instant now = clock.instant();
        int total = 0;
        while (true) {
            List<CollaborationTask> due = transactions.execute(status -> collaboration.overdueBatch(now, BATCH));
            if (due == null || due.isEmpty()) {
                return total;
            }
            int before = total;
            for (CollaborationTask candidate : due) {
                try {
                    Boolean done = transactions.execute(status -> collaboration.escalateOverdue(
                            collaboration.reload(candidate.getId()), now));
                    total += Boolean.TRUE.equals(done) ? 1 : 0;
                }
                catch (OptimisticLockingFailureException e) {
                    // escalated or changed by someone else meanwhile: the next run sees its new state
                }
            }
            if (due.size() < BATCH || total == before) {
                return total;
            }
        }
    }
}

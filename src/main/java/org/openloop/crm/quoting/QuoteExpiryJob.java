package org.openloop.crm.quoting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Expires SENT quotes whose valid-until day has passed (F5). ShedLock lets one instance of a cluster run it; each
 * quote changes in its own transaction with its version checked, so reruns and a second instance expire a quote
 * once and leave quotes changed meanwhile alone.
 */
@Component
class QuoteExpiryJob {

    private static final Logger LOG = LoggerFactory.getLogger(QuoteExpiryJob.class);
    private static final int BATCH = 100;

    private final QuoteManagement quotes;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ZoneId zone;

    QuoteExpiryJob(QuoteManagement quotes, TransactionTemplate transactions, Clock clock,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.quotes = quotes;
        this.transactions = transactions;
        this.clock = clock;
        this.zone = zone;
    }

    @Scheduled(cron = "${crm.quote.expiry-cron:0 5 0 * * *}", zone = "${crm.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "quote-expiry", lockAtMostFor = "PT30M")
    public void run() {
        int expired = expireDue();
        if (expired > 0) {
            LOG.info("Quotes: {} sent quotes expired", expired);
        }
    }

    /** Expires every SENT quote past its valid-until day; returns how many this run expired. */
    int expireDue() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int total = 0;
        while (true) {
            List<UUID> due = transactions.execute(status -> quotes.expiredBatch(today, BATCH));
            if (due == null || due.isEmpty()) {
                return total;
            }
            int before = total;
            for (UUID id : due) {
                try {
                    Boolean done = transactions.execute(status -> quotes.expire(id, today));
                    total += Boolean.TRUE.equals(done) ? 1 : 0;
                }
                catch (OptimisticLockingFailureException e) {
                    // changed by someone else meanwhile: the next run sees its new state
                }
            }
            if (due.size() < BATCH || total == before) {
                return total;
            }
        }
    }
}

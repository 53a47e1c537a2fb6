package org.openloop.crm.platform;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Issues human-readable record numbers from a pattern such as {@code KH{date:yyyyMMdd}{seq:4}} →
 * {@code KH202611220001}. The counter restarts whenever the date part changes. Numbers are unique under concurrency
 * (the counter row is updated atomically) but may have gaps when a creation rolls back, as in every ERP.
 * <p>
 * The counter is taken in a short transaction of its own, committed at once, so that concurrent creates hold its
 * row only for that moment. That transaction runs on a small connection pool of its own
 * ({@code crm.numbers.pool-size}, default 4): on the application's pool, every create would need a second
 * connection while holding one, and as many concurrent creates as the pool has connections would wait for each
 * other until the pool's timeout.
 * <p>
 * Single numbers come from a small reserve each instance keeps per counter. Normally the reserve holds one number, so
 * numbers follow each other without gaps. When numbers are asked for again within a second of the last reservation,
 * the next reservation is twice as large, up to {@code crm.numbers.max-block} (default 64): under a burst of creates
 * most of them then need no round trip to the counter. What a reserve still holds when the instance stops is never
 * issued (a gap); set {@code crm.numbers.max-block=1} to always take one number at a time.
 */
@Component
public class SequenceNumbers implements DisposableBean {

    private static final long BUSY_WITHIN_NANOS = 1_000_000_000L;

    private static final Pattern TOKEN = Pattern.compile("\\{(date|seq):([^}]+)}");

    private final HikariDataSource pool;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ZoneId zone;
    private final int maxBlock;
    private final Map<String, Reserve> reserves = new ConcurrentHashMap<>();

    /** Numbers of one counter taken from the database but not issued yet: {@code next} up to {@code end}, exclusive. */
    private static final class Reserve {
        private String period;
        private long next;
        private long end;
        private int block = 1;
        private long reservedAtNanos;
    }

    SequenceNumbers(DataSourceProperties dataSource, Clock clock,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone, @Value("${crm.numbers.pool-size:4}") int poolSize,
            @Value("${crm.numbers.max-block:64}") int maxBlock) {
        this.maxBlock = Math.max(1, maxBlock);
        this.pool = dataSource.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("numbers");
        pool.setMaximumPoolSize(Math.max(1, poolSize));
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(5000);
        this.jdbc = JdbcClient.create(pool);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void destroy() {
        pool.close();
    }

    /** The next number for {@code name} formatted by {@code pattern}, committed at once (see above). */
    public String next(String name, String pattern) {
        return next(name, pattern, 1).get(0);
    }

    /**
     * The next {@code count} numbers for {@code name}, consecutive, taken with one update of the counter: for writers
     * of many records at once (import), whose creates would otherwise queue on the counter row one by one.
     */
    public List<String> next(String name, String pattern, int count) {
        if (count < 1) {
            return List.of();
        }
        // one instant for the period and every number, so a block never straddles midnight
        var now = clock.instant().atZone(zone);
        Matcher dates = TOKEN.matcher(pattern);
        StringBuilder period = new StringBuilder();
        while (dates.find()) {
            if (dates.group(1).equals("date")) {
                period.append(DateTimeFormatter.ofPattern(dates.group(2)).format(now));
            }
        }
        String periodKey = period.isEmpty() ? "-" : period.toString();
        long first = count == 1 ? fromReserve(name, periodKey) : increment(name, periodKey, count);
        List<String> numbers = new ArrayList<>(count);
        for (long value = first; value < first + count; value++) {
            Matcher tokens = TOKEN.matcher(pattern);
            StringBuilder result = new StringBuilder();
            while (tokens.find()) {
                String replacement = tokens.group(1).equals("date")
                        ? DateTimeFormatter.ofPattern(tokens.group(2)).format(now)
                        : String.format("%0" + Integer.parseInt(tokens.group(2)) + "d", value);
                tokens.appendReplacement(result, Matcher.quoteReplacement(replacement));
            }
            tokens.appendTail(result);
            numbers.add(result.toString());
        }
        return numbers;
    }

    /** One number of the counter, from this instance's reserve, which is refilled as described above. */
    private long fromReserve(String name, String period) {
        Reserve reserve = reserves.computeIfAbsent(name, n -> new Reserve());
        synchronized (reserve) {
            if (!period.equals(reserve.period)) {
                reserve.period = period;
                reserve.next = 0;
                reserve.end = 0;
                reserve.block = 1;
                reserve.reservedAtNanos = 0;
            }
            if (reserve.next < reserve.end) {
                return reserve.next++;
            }
            long now = System.nanoTime();
            boolean busy = reserve.reservedAtNanos != 0 && now - reserve.reservedAtNanos < BUSY_WITHIN_NANOS;
            int block = busy ? Math.min(reserve.block * 2, maxBlock) : 1;
            long first = increment(name, period, block);
            reserve.block = block;
            reserve.reservedAtNanos = now;
            reserve.next = first + 1;
            reserve.end = first + block;
            return first;
        }
    }

    /**
     * Takes {@code count} values of the counter and answers the first, each attempt in a transaction of its own: a
     * failed insert leaves a PostgreSQL transaction unusable, so the retry after a lost race needs a new one.
     */
    private long increment(String name, String period, int count) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Long first = transactions.execute(status -> {
                    int updated = jdbc.sql("update number_sequence set next_value = next_value + ? "
                            + "where name = ? and period = ?").params(count, name, period).update();
                    if (updated == 1) {
                        // The update holds the row lock until commit, so this read sees our own increment.
                        return jdbc.sql("select next_value from number_sequence where name = ? and period = ?")
                                .params(name, period).query(Long.class).single() - count;
                    }
                    jdbc.sql("insert into number_sequence (name, period, next_value) values (?, ?, ?)")
                            .params(name, period, count + 1).update();
                    return 1L;
                });
                if (first != null) {
                    return first;
                }
            }
            catch (DuplicateKeyException e) {
                // another transaction created the counter first: increment it instead
            }
        }
        throw new IllegalStateException("Could not issue a number for " + name);
    }
}

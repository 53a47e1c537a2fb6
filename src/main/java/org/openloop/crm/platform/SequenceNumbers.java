package org.openloop.crm.platform;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues human-readable record numbers from a pattern such as {@code KH{date:yyyyMMdd}{seq:4}} →
 * {@code KH202611220001}. The counter restarts whenever the date part changes. Numbers are unique under concurrency
 * (the counter row is updated atomically) but may have gaps when a creation rolls back, as in every ERP.
 */
@Component
public class SequenceNumbers {

    private static final Pattern TOKEN = Pattern.compile("\\{(date|seq):([^}]+)}");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    SequenceNumbers(JdbcClient jdbc, Clock clock, @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    /** The next number for {@code name} formatted by {@code pattern}. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String next(String name, String pattern) {
        return next(name, pattern, 1).get(0);
    }

    /**
     * The next {@code count} numbers for {@code name}, consecutive, taken with one update of the counter: for writers
     * of many records at once (import), whose creates would otherwise queue on the counter row one by one.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
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
        long first = increment(name, period.isEmpty() ? "-" : period.toString(), count);
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

    /** Takes {@code count} values of the counter and answers the first. */
    private long increment(String name, String period, int count) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = jdbc.sql("update number_sequence set next_value = next_value + ? where name = ? and period = ?")
                    .params(count, name, period).update();
            if (updated == 1) {
                // The update holds the row lock until commit, so this read sees our own increment.
                return jdbc.sql("select next_value from number_sequence where name = ? and period = ?")
                        .params(name, period).query(Long.class).single() - count;
            }
            try {
                jdbc.sql("insert into number_sequence (name, period, next_value) values (?, ?, ?)")
                        .params(name, period, count + 1).update();
                return 1;
            }
            catch (DuplicateKeyException e) {
                // another transaction created the counter first: increment it instead
            }
        }
        throw new IllegalStateException("Could not issue a number for " + name);
    }
}

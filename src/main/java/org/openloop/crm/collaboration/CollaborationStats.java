package org.openloop.crm.collaboration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Figures over the tasks created in one week or month that the reader may see (E7): how many, how fast (average
 * hours from creation to completion), how often on time (completed no later than expected, over completed tasks),
 * how satisfied. A task asked of two departments counts once in each department's row.
 */
public record CollaborationStats(String period, LocalDate start, LocalDate end, Instant from, Instant to, Row total,
        List<Row> byDepartment, List<Row> byPerson) {

    /** One row: {@code averageHours} and {@code onTimeRate} (0–100) are {@code null} when nothing was completed. */
    public record Row(String key, String name, long count, long completed, Double averageHours, Double onTimeRate,
            Map<Satisfaction, Long> satisfaction) {
    }
}

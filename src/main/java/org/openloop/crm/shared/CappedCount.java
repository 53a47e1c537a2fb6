package org.openloop.crm.shared;

/**
 * How many records a list holds, counted only up to a cap (K3): exact below it, "10 000+" above, so no page waits for
 * a full count over a million rows.
 *
 * @param value the exact count, or the cap when {@code more} is set
 * @param more whether there are more records than {@code value}
 */
public record CappedCount(long value, boolean more) {

    public static final int DEFAULT_CAP = 10_000;

    /** For the API: {@code "123"} or {@code "10000+"}. */
    @com.fasterxml.jackson.annotation.JsonProperty("display")
    public String display() {
        return more ? value + "+" : Long.toString(value);
    }
}

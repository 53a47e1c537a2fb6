package org.openloop.crm.timeline;

import java.time.Instant;

/**
 * The slice of a timeline a source is asked for: entries with {@code from <= at < to} (either may be {@code null}),
 * strictly older than the keyset position {@code (beforeAt, beforeId)} when that is set, newest first, at most
 * {@code limit} of them.
 */
public record TimelineWindow(Instant from, Instant to, Instant beforeAt, String beforeId, int limit) {

    /**
     * The upper time bound for a query that bounds time inclusively: the earlier of the keyset position and the
     * window's end, or {@code null} for none. {@link #collect} drops what is at exactly that bound and already shown.
     */
    public Instant upperBound() {
        if (to != null && (beforeAt == null || to.isBefore(beforeAt))) {
            return to;
        }
        return beforeAt;
    }

    /**
     * The window's entries from a query that can only bound time inclusively ({@code at <= beforeAt}): asks
     * {@code newestFirst} for {@code n} entries, drops those already shown at exactly {@code beforeAt}, and asks for
     * more while ties left the window short.
     */
    public java.util.List<TimelineEntry> collect(java.util.function.IntFunction<java.util.List<TimelineEntry>> newestFirst) {
        int fetch = limit;
        while (true) {
            java.util.List<TimelineEntry> rows = newestFirst.apply(fetch);
            java.util.List<TimelineEntry> kept = rows.stream().filter(e -> contains(e.at(), e.id())).limit(limit)
                    .toList();
            if (kept.size() >= limit || rows.size() < fetch) {
                return kept;
            }
            fetch *= 2;
        }
    }

    /** Whether an entry at {@code at} with {@code id} lies in this window (ignoring the limit). */
    public boolean contains(Instant at, String id) {
        if (from != null && at.isBefore(from)) {
            return false;
        }
        if (to != null && !at.isBefore(to)) {
            return false;
        }
        if (beforeAt == null) {
            return true;
        }
        int byTime = at.compareTo(beforeAt);
        return byTime < 0 || (byTime == 0 && id.compareTo(beforeId) < 0);
    }
}

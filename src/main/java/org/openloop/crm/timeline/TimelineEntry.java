package org.openloop.crm.timeline;

import java.time.Instant;

/**
 * One thing that happened around a record, ready to show: {@code title} and {@code detail} are already in the
 * reader's language and masked for the reader; {@code link} is an application path or {@code null}.
 *
 * @param id unique within its kind; with {@code at} it orders entries of the same instant
 * @param kind what produced the entry, for filtering (for example {@code record}; later {@code interaction})
 */
public record TimelineEntry(String id, String kind, Instant at, String actorName, String title, String detail,
        String link) {
}

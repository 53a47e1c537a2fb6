package org.openloop.crm.timeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.InvalidQueryException;
import org.openloop.crm.shared.ListQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges the entries of every {@link TimelineSource} that covers a record type into one keyset-paged stream (C2).
 * Each source is asked for one page's worth of entries older than the cursor; the newest of all of them form the
 * page, so paging stays exact without counting. The caller has already checked that the reader may see the record.
 */
@Service
public class Timeline {

    private static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(TimelineEntry::at)
            .thenComparing(TimelineEntry::id).reversed();

    private final List<TimelineSource> sources;

    Timeline(List<TimelineSource> sources) {
        this.sources = sources;
    }

    /** What to show: a time range ({@code from} inclusive, {@code to} exclusive) and the kinds, empty for all. */
    public record TimelineFilter(Instant from, Instant to, Set<String> kinds) {

        public TimelineFilter {
            kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        }

        public static TimelineFilter everything() {
            return new TimelineFilter(null, null, Set.of());
        }

        /**
         * A filter from request parameters: {@code kinds} comma-separated; {@code from} and {@code to} either dates
         * ({@code 2026-11-01}, whole days in {@code zone}, {@code to} inclusive) or ISO-8601 times with offset.
         */
        public static TimelineFilter parse(String kinds, String from, String to, java.time.ZoneId zone) {
            Set<String> kindSet = new java.util.LinkedHashSet<>();
            if (kinds != null) {
                for (String kind : kinds.split(",")) {
                    if (!kind.isBlank()) {
                        kindSet.add(kind.strip());
                    }
                }
            }
            return new TimelineFilter(instant("from", from, zone, false), instant("to", to, zone, true), kindSet);
        }

        private static Instant instant(String parameter, String value, java.time.ZoneId zone, boolean endOfDay) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                if (value.length() == 10) {
                    java.time.LocalDate day = java.time.LocalDate.parse(value);
                    return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
                }
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidQueryException(parameter, "query.filter.invalid", parameter);
            }
        }
    }

    /** The entry kinds a record type's timeline can hold, for the filter. */
    public List<String> kinds(String recordType) {
        return sources.stream().filter(s -> s.covers(recordType)).map(TimelineSource::kind).sorted().toList();
    }

    @Transactional(readOnly = true)
    public CursorPage<TimelineEntry> of(String recordType, UUID recordId, TimelineFilter filter, String cursor,
            Integer size) {
        int limit = size == null ? ListQuery.DEFAULT_SIZE : size;
        if (limit < 1 || limit > ListQuery.MAX_SIZE) {
            throw new InvalidQueryException("size", "query.size.range", 1, ListQuery.MAX_SIZE);
        }
        for (String kind : filter.kinds()) {
            if (!kinds(recordType).contains(kind)) {
                throw new InvalidQueryException("kinds", "timeline.kind.invalid", kind);
            }
        }
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new InvalidQueryException("from", "timeline.range.invalid");
        }
        Position position = Position.decode(cursor);
        TimelineWindow window = new TimelineWindow(filter.from(), filter.to(), position == null ? null : position.at(),
                position == null ? null : position.id(), limit + 1);
        List<TimelineEntry> merged = new ArrayList<>();
        for (TimelineSource source : sources) {
            if (source.covers(recordType) && (filter.kinds().isEmpty() || filter.kinds().contains(source.kind()))) {
                source.entries(recordType, recordId, window).stream()
                        .filter(e -> window.contains(e.at(), e.id()))
                        .limit(window.limit())
                        .forEach(merged::add);
            }
        }
        merged.sort(NEWEST_FIRST);
        if (merged.size() <= limit) {
            return new CursorPage<>(List.copyOf(merged), null);
        }
        List<TimelineEntry> page = List.copyOf(merged.subList(0, limit));
        TimelineEntry last = page.get(limit - 1);
        return new CursorPage<>(page, new Position(last.at(), last.id()).encode());
    }

    /** The keyset position after the last entry shown: its time and id, opaque to clients. */
    private record Position(Instant at, String id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = text.indexOf('|');
                return new Position(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
            } catch (IllegalArgumentException | DateTimeParseException | StringIndexOutOfBoundsException e) {
                throw new InvalidQueryException("cursor", "query.cursor.invalid");
            }
        }
    }
}

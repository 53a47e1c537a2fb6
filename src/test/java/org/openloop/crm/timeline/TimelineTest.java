package org.openloop.crm.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.InvalidQueryException;
import org.openloop.crm.timeline.Timeline.TimelineFilter;

/** Merging and keyset paging of timeline sources (C2), without a database. */
class TimelineTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final UUID RECORD = UUID.randomUUID();

    /**
     * A source holding fixed entries, answering windows the way a database query with an inclusive time bound does
     * (entries at exactly the cursor's time come back and must be dropped).
     */
    record FixedSource(String kind, List<TimelineEntry> all) implements TimelineSource {

        @Override
        public boolean covers(String recordType) {
            return "customer".equals(recordType);
        }

        @Override
        public List<TimelineEntry> entries(String recordType, UUID recordId, TimelineWindow window) {
            return window.collect(n -> all.stream()
                    .filter(e -> window.beforeAt() == null || !e.at().isAfter(window.beforeAt()))
                    .filter(e -> window.from() == null || !e.at().isBefore(window.from()))
                    .filter(e -> window.to() == null || e.at().isBefore(window.to()))
                    .sorted(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::id).reversed())
                    .limit(n).toList());
        }
    }

    private static TimelineEntry at(String kind, int hour, String id) {
        return new TimelineEntry(id, kind, T0.plusSeconds(hour * 3600L), "王五", kind + hour, null, null);
    }

    private final Timeline timeline = new Timeline(List.of(
            new FixedSource("record", List.of(at("record", 1, "a"), at("record", 3, "b"), at("record", 5, "c"), at("record", 5, "h"),
                    at("record", 6, "d"))),
            new FixedSource("interaction", List.of(at("interaction", 2, "e"), at("interaction", 4, "f"),
                    at("interaction", 6, "g")))));

    private List<String> titlesPaged(TimelineFilter filter, int size) {
        List<String> titles = new ArrayList<>();
        String cursor = null;
        do {
            CursorPage<TimelineEntry> page = timeline.of("customer", RECORD, filter, cursor, size);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(size);
            page.items().forEach(e -> titles.add(e.title() + "/" + e.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return titles;
    }

    @Test
    @DisplayName("C2: entries of all sources come newest first; paging by any size gives the same sequence, without gaps or repeats")
    void mergesNewestFirstAcrossPages() {
        List<String> expected = List.of("record6/d", "interaction6/g", "record5/h", "record5/c", "interaction4/f", "record3/b",
                "interaction2/e", "record1/a");
        // two entries at hour 6: ordered by id, newest-first means the larger id first
        List<String> byId = List.of("interaction6/g", "record6/d");
        assertThat(titlesPaged(TimelineFilter.everything(), 100).subList(0, 2)).containsExactlyElementsOf(byId);
        for (int size = 1; size <= 9; size++) {
            List<String> paged = titlesPaged(TimelineFilter.everything(), size);
            assertThat(paged).as("size %d", size).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected)
                    .containsExactlyElementsOf(titlesPaged(TimelineFilter.everything(), 100));
        }
    }

    @Test
    @DisplayName("C2: filter by kind and by time range (from inclusive, to exclusive)")
    void filtersByKindAndRange() {
        assertThat(titlesPaged(new TimelineFilter(null, null, Set.of("interaction")), 2))
                .containsExactly("interaction6/g", "interaction4/f", "interaction2/e");
        assertThat(titlesPaged(new TimelineFilter(T0.plusSeconds(2 * 3600), T0.plusSeconds(5 * 3600), Set.of()), 2))
                .containsExactly("interaction4/f", "record3/b", "interaction2/e");
    }

    @Test
    @DisplayName("C2: an unknown kind, an inverted range, a forged cursor or an oversized page are refused as bad queries")
    void badQueriesAreRefused() {
        assertThatThrownBy(() -> timeline.of("customer", RECORD, new TimelineFilter(null, null, Set.of("x")), null, 10))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> timeline.of("customer", RECORD, new TimelineFilter(T0, T0, Set.of()), null, 10))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> timeline.of("customer", RECORD, TimelineFilter.everything(), "not-a-cursor", 10))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> timeline.of("customer", RECORD, TimelineFilter.everything(), null, 101))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> TimelineFilter.parse(null, "yesterday", null, java.time.ZoneOffset.UTC))
                .isInstanceOf(InvalidQueryException.class);
    }

    @Test
    @DisplayName("C2: dates in a filter are whole days in the company's time zone, the end day included")
    void datesAreWholeDays() {
        TimelineFilter filter = TimelineFilter.parse("record", "2026-11-01", "2026-11-02",
                java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(filter.from()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(filter.to()).isEqualTo(Instant.parse("2026-11-02T16:00:00Z"));
        assertThat(filter.kinds()).containsExactly("record");
    }

    @Test
    @DisplayName("C2: a source's inclusive upper bound is the earlier of the cursor position and the end of the range")
    void upperBound() {
        Instant cursor = T0.plusSeconds(3600);
        Instant end = T0.plusSeconds(7200);
        assertThat(new TimelineWindow(null, null, null, null, 5).upperBound()).isNull();
        assertThat(new TimelineWindow(null, end, null, null, 5).upperBound()).isEqualTo(end);
        assertThat(new TimelineWindow(null, end, cursor, "x", 5).upperBound()).isEqualTo(cursor);
        assertThat(new TimelineWindow(null, cursor, end, "x", 5).upperBound()).isEqualTo(cursor);
    }
}

package org.openloop.crm.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.shared.ListQuery.Match;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.context.SecurityContextHolder;

@DisplayName("K3 list queries: only declared fields, bounded page size, opaque cursors")
class ListQueryTest {

    static class Note {
        UUID id;
        String title;
        Instant createdAt;
        @Sensitive(MaskStyle.PHONE)
        String phone;
    }

    private final ListQuery<Note> query = ListQuery.of(Note.class)
            .sortable("title", String.class)
            .sortable("createdAt", Instant.class)
            .sortable("phone", String.class)
            .filter("phone", String.class, Match.CONTAINS)
            .searchable("title")
            .defaultSort("-createdAt")
            .build();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @DisplayName("the id is appended as tie-breaker so keyset paging is stable")
    void appendsIdToSort() {
        var parsed = query.parse(request(Map.of("sort", "title")));
        assertThat(parsed.sort()).containsExactly(Sort.Order.asc("title"), Sort.Order.asc("id"));
        assertThat(parsed.size()).isEqualTo(ListQuery.DEFAULT_SIZE);
    }

    @Test
    @DisplayName("an undeclared sort field is refused, so nothing from the client reaches SQL")
    void refusesUndeclaredSort() {
        assertThatThrownBy(() -> query.parse(request(Map.of("sort", "title;drop table app_user"))))
                .isInstanceOf(InvalidQueryException.class)
                .extracting(e -> ((InvalidQueryException) e).parameter()).isEqualTo("sort");
    }

    @Test
    @DisplayName("page size is limited to 1..100")
    void limitsPageSize() {
        assertThatThrownBy(() -> query.parse(request(Map.of("size", "101"))))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> query.parse(request(Map.of("size", "0"))))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> ListRequest.from(Map.of("size", "many")))
                .isInstanceOf(InvalidQueryException.class);
    }

    @Test
    @DisplayName("A4 a masked field cannot be sorted or filtered by a user who sees it masked")
    void refusesMaskedFields() {
        assertThatThrownBy(() -> query.parse(request(Map.of("sort", "phone"))))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> query.parse(request(Map.of("phone", "138"))))
                .isInstanceOf(InvalidQueryException.class);
    }

    @Test
    @DisplayName("a tampered or foreign cursor is refused with 400, not a server error")
    void refusesBadCursor() {
        assertThatThrownBy(() -> query.parse(request(Map.of("cursor", "%%%not-base64"))))
                .isInstanceOf(InvalidQueryException.class);
        String otherSort = java.util.Base64.getUrlEncoder().encodeToString("title\u001Fx\u001Fy".getBytes());
        assertThatThrownBy(() -> query.parse(request(Map.of("cursor", otherSort))))
                .isInstanceOf(InvalidQueryException.class);
    }

    @Test
    @DisplayName("a cursor decodes back into typed keyset values")
    void decodesCursorIntoTypedKeys() {
        UUID id = UUID.randomUUID();
        Instant created = Instant.parse("2026-11-22T08:30:00Z");
        String raw = "-createdAt\u001F" + created + "\u001F" + id;
        String cursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes());
        var parsed = query.parse(request(Map.of("cursor", cursor)));
        assertThat(parsed.position()).isInstanceOf(KeysetScrollPosition.class);
        assertThat(((KeysetScrollPosition) parsed.position()).getKeys())
                .containsEntry("createdAt", created).containsEntry("id", id);
    }

    private static ListRequest request(Map<String, String> parameters) {
        return ListRequest.from(parameters);
    }

    @Test
    @DisplayName("K3 a filter cannot take the name of a paging parameter (size, cursor, sort, q, format)")
    void refusesReservedFilterNames() {
        assertThatThrownBy(() -> ListQuery.of(Note.class).filter("size", String.class, Match.EQUALS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size");
        assertThat(ListQuery.of(Note.class).filter("companySize", "title", String.class, Match.EQUALS).build()
                .parse(ListRequest.from(Map.of("size", "5", "companySize", "x"))).size()).isEqualTo(5);
    }
}

package org.openloop.crm.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.shared.InvalidQueryException;
import org.openloop.crm.shared.ListRequest;

@DisplayName("A6 the audit page filters whole days in the company's time zone")
class AuditFiltersTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    @DisplayName("from and to are inclusive calendar days: from midnight to the next midnight, Shanghai time")
    void daysInCompanyZone() {
        ListRequest request = AuditFilters.toRequest(Map.of("from", "2026-03-01", "to", "2026-03-02",
                "action", "LOGIN", "q", "zhang"), SHANGHAI);
        assertThat(request.filters()).containsEntry("from", "2026-02-28T16:00:00Z")
                .containsEntry("before", "2026-03-02T16:00:00Z").containsEntry("action", "LOGIN")
                .doesNotContainKey("to");
        assertThat(request.q()).isEqualTo("zhang");
    }

    @Test
    @DisplayName("empty dates are no filter, and a raw 'before' from the address bar is ignored")
    void emptyDates() {
        ListRequest request = AuditFilters.toRequest(Map.of("from", "", "before", "2020-01-01"), SHANGHAI);
        assertThat(request.filters()).doesNotContainKeys("from", "before", "to");
    }

    @Test
    @DisplayName("a malformed date is a query error naming the parameter, not a server error")
    void malformedDate() {
        assertThatThrownBy(() -> AuditFilters.toRequest(Map.of("to", "yesterday"), SHANGHAI))
                .isInstanceOf(InvalidQueryException.class)
                .satisfies(e -> assertThat(((InvalidQueryException) e).parameter()).isEqualTo("to"));
    }
}

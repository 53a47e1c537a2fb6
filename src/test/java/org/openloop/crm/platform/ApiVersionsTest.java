package org.openloop.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("K3 optimistic locking: If-Match wins over the body version")
class ApiVersionsTest {

    @Test
    void readsStrongAndWeakEtags() {
        assertThat(ApiVersions.expected("\"3\"", 1L)).isEqualTo(new ApiVersions.Expected(3L, true));
        assertThat(ApiVersions.expected("W/\"4\"", null)).isEqualTo(new ApiVersions.Expected(4L, true));
    }

    @Test
    void fallsBackToTheBodyVersion() {
        assertThat(ApiVersions.expected(null, 2L)).isEqualTo(new ApiVersions.Expected(2L, false));
        assertThat(ApiVersions.expected("*", null)).isEqualTo(new ApiVersions.Expected(null, false));
    }
}

package org.openloop.crm.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How the PostgreSQL store tells a common term from a rare one before it reads the term index for a list (K2/K3). */
class TermStatisticsTest {

    private final ArraySearchStore.TermStatistics statistics = new ArraySearchStore.TermStatistics(
            Map.of("有限", 0.2, "科技", 0.01), Map.of("13", 0.3, "有限", 0.001), 4_000_000, Instant.now());

    @Test
    @DisplayName("K3 a term among the most common ones counts its share of all documents; several terms count the "
            + "product of their shares")
    void estimatesByTheShares() {
        assertThat(statistics.estimate(Set.of("有限"), false)).isEqualTo(800_000);
        assertThat(statistics.estimate(Set.of("有限", "科技"), false)).isCloseTo(8_000, within(0.001));
        assertThat(statistics.estimate(Set.of("有限"), true)).isEqualTo(804_000);
    }

    @Test
    @DisplayName("K3 a term outside the statistics is rarer than all of them and estimated at nothing, so the index is read")
    void unknownTermsAreRare() {
        assertThat(statistics.estimate(Set.of("华信"), true)).isZero();
        assertThat(statistics.estimate(Set.of("有限", "华信"), false)).isZero();
        assertThat(statistics.estimate(Set.of("13"), false)).isZero();
        assertThat(statistics.estimate(Set.of("13"), true)).isEqualTo(1_200_000);
    }
}

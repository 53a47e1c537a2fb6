package org.openloop.crm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ReferenceDataCacheTest {

    private final ReferenceDataCache<String, String> cache = ReferenceDataCache.expiringAfter(Duration.ofMinutes(1),
            100);
    private final Map<String, String> stored = new HashMap<>(Map.of("a", "one"));
    private final AtomicInteger loads = new AtomicInteger();

    private String load(String key) {
        loads.incrementAndGet();
        return stored.get(key);
    }

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    @DisplayName("a value, and an absent one, is read once and then served from the cache")
    void servesCachedValues() {
        assertThat(cache.get("a", this::load)).isEqualTo("one");
        assertThat(cache.get("a", this::load)).isEqualTo("one");
        assertThat(cache.get("missing", this::load)).isNull();
        assertThat(cache.get("missing", this::load)).isNull();
        assertThat(loads).hasValue(2);
    }

    @Test
    @DisplayName("after an invalidation the next read sees the changed value")
    void invalidationShowsChange() {
        cache.get("a", this::load);
        stored.put("a", "two");
        cache.invalidateAll();
        assertThat(cache.get("a", this::load)).isEqualTo("two");
    }

    @Test
    @DisplayName("a load that started before an invalidation is not kept: the old value cannot come back")
    void loadRacingAnInvalidationIsNotKept() {
        assertThat(cache.get("a", key -> {
            String old = load(key);
            stored.put("a", "two");
            cache.invalidateAll(); // a writer commits while this reader still holds the old row
            return old;
        })).isEqualTo("one");
        assertThat(cache.get("a", this::load)).isEqualTo("two");
    }

    @Test
    @DisplayName("the writing transaction bypasses the cache until it completes, so its uncommitted values are never shared")
    void writingTransactionBypassesCache() {
        TransactionSynchronizationManager.initSynchronization();
        cache.invalidateAll();
        stored.put("a", "uncommitted");
        assertThat(cache.get("a", this::load)).isEqualTo("uncommitted");
        List<TransactionSynchronization> completions = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        stored.put("a", "rolled back");
        assertThat(cache.get("a", this::load)).as("not cached by the writer").isEqualTo("rolled back");
        completions.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        stored.put("a", "after");
        assertThat(cache.get("a", this::load)).as("dropped again on completion").isEqualTo("after");
    }

    @Test
    @DisplayName("many keys are loaded with one call for those not cached, absent ones included")
    void getAllLoadsMissingAtOnce() {
        stored.put("b", "bee");
        cache.get("a", this::load);
        AtomicInteger calls = new AtomicInteger();
        Map<String, String> found = cache.getAll(List.of("a", "b", "c"), keys -> {
            calls.incrementAndGet();
            assertThat(keys).containsExactlyInAnyOrder("b", "c");
            Map<String, String> result = new HashMap<>();
            keys.forEach(k -> {
                if (stored.containsKey(k)) {
                    result.put(k, stored.get(k));
                }
            });
            return result;
        });
        assertThat(found).containsOnly(Map.entry("a", "one"), Map.entry("b", "bee"));
        assertThat(cache.getAll(List.of("b", "c"), keys -> {
            throw new AssertionError("should be cached: " + keys);
        })).containsOnly(Map.entry("b", "bee"));
        assertThat(calls).hasValue(1);
    }
}

package org.openloop.crm.shared;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A short-lived cache of small, rarely changed data that nearly every request reads (users and their roles, API
 * tokens, custom-field definitions, pool rules), so a request does not pay a database round trip for each of them.
 * <p>
 * A change made through this instance takes effect at once: its writer calls {@link #invalidateAll()}, which drops
 * everything now and again when the writing transaction completes. Every entry is tagged with the generation it was
 * loaded in, and a load that started before an invalidation is never served after it, so a reader racing with a
 * commit cannot put back what the commit replaced. Other instances of a cluster see a change when their entries
 * expire ({@code ttl}).
 * <p>
 * Values may be {@code null} (an absent record is cached as absent).
 */
public final class ReferenceDataCache<K, V> {

    private record Entry<V>(long generation, V value) {
    }

    private final Cache<K, Entry<V>> entries;
    private final AtomicLong generation = new AtomicLong();

    private ReferenceDataCache(Duration ttl, long maximumSize) {
        this.entries = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).build();
    }

    /** A cache whose entries live {@code ttl} at most; a zero ttl caches nothing. */
    public static <K, V> ReferenceDataCache<K, V> expiringAfter(Duration ttl, long maximumSize) {
        return new ReferenceDataCache<>(ttl, maximumSize);
    }

    /** The value for {@code key}, loaded with {@code loader} (which may answer {@code null}) if not cached. */
    public V get(K key, Function<? super K, ? extends V> loader) {
        if (changedInThisTransaction()) {
            return loader.apply(key);
        }
        long current = generation.get();
        Entry<V> entry = entries.getIfPresent(key);
        if (entry != null && entry.generation() == current) {
            return entry.value();
        }
        V value = loader.apply(key);
        if (generation.get() == current) {
            entries.put(key, new Entry<>(current, value));
        }
        return value;
    }

    /**
     * The values for {@code keys}, loading those not cached with one call of {@code loader}, which answers the values
     * it found (keys it leaves out are cached as absent).
     */
    public Map<K, V> getAll(Collection<? extends K> keys, Function<Set<K>, Map<K, V>> loader) {
        if (changedInThisTransaction()) {
            Map<K, V> loaded = keys.isEmpty() ? Map.of() : loader.apply(Set.copyOf(keys));
            return new HashMap<>(loaded == null ? Map.of() : loaded);
        }
        long current = generation.get();
        Map<K, V> result = new HashMap<>();
        Set<K> missing = new LinkedHashSet<>();
        for (K key : keys) {
            Entry<V> entry = entries.getIfPresent(key);
            if (entry != null && entry.generation() == current) {
                if (entry.value() != null) {
                    result.put(key, entry.value());
                }
            }
            else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            Map<K, V> loaded = Optional.ofNullable(loader.apply(Set.copyOf(missing))).orElse(Map.of());
            boolean fresh = generation.get() == current;
            for (K key : missing) {
                V value = loaded.get(key);
                if (value != null) {
                    result.put(key, value);
                }
                if (fresh) {
                    entries.put(key, new Entry<>(current, value));
                }
            }
        }
        return result;
    }

    /**
     * Drops every entry now and, inside a transaction, once more when it completes: until then other transactions
     * still read the old rows and could otherwise cache them again. For the rest of the writing transaction this cache
     * is bypassed, so what it has not committed yet is never served to others.
     */
    public void invalidateAll() {
        drop();
        if (TransactionSynchronizationManager.isSynchronizationActive() && !changedInThisTransaction()) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ReferenceDataCache.this);
                    drop();
                }
            });
        }
    }

    private boolean changedInThisTransaction() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.hasResource(this);
    }

    private void drop() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }
}

package org.openloop.crm.marketing.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Rate limit of the public forms (J2): fixed windows counted in bounded, expiring Caffeine caches, so a flood of
 * addresses cannot grow memory. A post is allowed while the client address has fewer than
 * {@code crm.marketing.form.per-client} posts to this form and fewer than {@code crm.marketing.form.per-client-all}
 * to any form in the window, and the form fewer than {@code crm.marketing.form.per-form} from everyone. Counted per
 * application instance.
 */
@Component
public class FormRateLimiter {

    private final Cache<String, AtomicInteger> counters;
    private final int perClient;
    private final int perClientAll;
    private final int perForm;

    FormRateLimiter(@Value("${crm.marketing.form.per-client:5}") int perClient,
            @Value("${crm.marketing.form.per-client-all:60}") int perClientAll,
            @Value("${crm.marketing.form.per-form:300}") int perForm,
            @Value("${crm.marketing.form.window:10m}") Duration window) {
        this.perClient = perClient;
        this.perClientAll = perClientAll;
        this.perForm = perForm;
        this.counters = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(window).build();
    }

    /** Counts one post; false when any of the limits is already reached (then nothing is counted). */
    public synchronized boolean tryAcquire(String clientAddress, String token) {
        AtomicInteger pair = counter("p|" + clientAddress + "|" + token);
        AtomicInteger client = counter("c|" + clientAddress);
        AtomicInteger form = counter("f|" + token);
        if (pair.get() >= perClient || client.get() >= perClientAll || form.get() >= perForm) {
            return false;
        }
        pair.incrementAndGet();
        client.incrementAndGet();
        form.incrementAndGet();
        return true;
    }

    private AtomicInteger counter(String key) {
        return counters.get(key, k -> new AtomicInteger());
    }
}

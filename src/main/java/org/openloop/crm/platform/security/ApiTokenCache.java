package org.openloop.crm.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.openloop.crm.shared.ReferenceDataCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API tokens by hash, cached for {@code crm.cache.reference-ttl} (default 10 s) so an API call does not read its
 * token row each time. Revoking a token through this instance drops the cache at once; other instances of a
 * cluster refuse it within the ttl. When a token was last used is still written, at most once a minute per token.
 */
@Component
public class ApiTokenCache {

    /** What authentication needs of a token. */
    record Token(UUID id, UUID userId, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

        boolean isUsableAt(Instant now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final ApiTokens tokens;
    private final TransactionTemplate transactions;
    private final ReferenceDataCache<String, Token> byHash;
    private final Map<UUID, Instant> lastRecorded = new ConcurrentHashMap<>();

    ApiTokenCache(ApiTokens tokens, PlatformTransactionManager transactions,
            @Value("${crm.cache.reference-ttl:10s}") Duration ttl) {
        this.tokens = tokens;
        this.transactions = new TransactionTemplate(transactions);
        this.byHash = ReferenceDataCache.expiringAfter(ttl, 10_000);
    }

    /** The token with this hash, if any (usable or not). */
    Optional<Token> find(String hash) {
        return Optional.ofNullable(byHash.get(hash, h -> transactions.execute(status -> tokens.findByTokenHash(h)
                .map(t -> new Token(t.getId(), t.getUserId(), t.getExpiresAt(), t.getRevokedAt(), t.getLastUsedAt()))
                .orElse(null))));
    }

    /** Notes that the token was used now, writing it when the stored time is more than a minute old. */
    void used(Token token, Instant now) {
        Instant recorded = lastRecorded.getOrDefault(token.id(), token.lastUsedAt());
        if (recorded != null && !recorded.plus(LAST_USED_PRECISION).isBefore(now)) {
            return;
        }
        lastRecorded.put(token.id(), now);
        transactions.executeWithoutResult(status -> tokens.findById(token.id()).ifPresent(t -> t.usedAt(now)));
    }

    /** Drops every cached token: after a revocation. */
    public void invalidateAll() {
        byHash.invalidateAll();
    }
}

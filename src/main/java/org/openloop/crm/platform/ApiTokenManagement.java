package org.openloop.crm.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.platform.security.ApiToken;
import org.openloop.crm.platform.security.ApiTokenCache;
import org.openloop.crm.platform.security.ApiTokens;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.RecordNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the REST API (K3). A token is a random 256-bit secret; only its SHA-256 hash is stored,
 * so a database leak does not leak usable tokens. Users manage their own tokens only.
 */
@Service
public class ApiTokenManagement {

    public static final String PREFIX = "olc_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokens tokens;
    private final Clock clock;
    private final ApiTokenCache tokenCache;

    ApiTokenManagement(ApiTokens tokens, Clock clock, ApiTokenCache tokenCache) {
        this.tokens = tokens;
        this.clock = clock;
        this.tokenCache = tokenCache;
    }

    /** The token's public description. */
    public record TokenSummary(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
            Instant revokedAt) {
    }

    /** A freshly created token: {@code token} is shown to its owner once and never again. */
    public record CreatedToken(UUID id, String name, String token) {
    }

    @Transactional
    public CreatedToken create(UUID userId, String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw BusinessRuleException.onField("name", "token.name.invalid");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken saved = tokens.save(new ApiToken(userId, trimmed, hash(token), token.substring(0, 10),
                clock.instant(), null));
        return new CreatedToken(saved.getId(), trimmed, token);
    }

    @Transactional(readOnly = true)
    public List<TokenSummary> list(UUID userId) {
        return tokens.findByUserIdOrderByCreatedAtDesc(userId).stream()
                .map(t -> new TokenSummary(t.getId(), t.getName(), t.getTokenPrefix(), t.getCreatedAt(),
                        t.getLastUsedAt(), t.getRevokedAt()))
                .toList();
    }

    /** Revokes one of the user's own tokens; another user's token is reported as not found. */
    @Transactional
    public void revoke(UUID userId, UUID tokenId) {
        tokens.findByIdAndUserId(tokenId, userId)
                .orElseThrow(() -> new RecordNotFoundException("token", tokenId))
                .revoke(clock.instant());
        tokenCache.invalidateAll();
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

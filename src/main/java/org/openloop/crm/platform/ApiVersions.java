package org.openloop.crm.platform;

import org.openloop.crm.shared.InvalidQueryException;
import org.springframework.http.ResponseEntity;

/**
 * Optimistic locking over HTTP (K3): a record's version is its ETag; an update names the version it was based on
 * either in the body ({@code version}) or in {@code If-Match}. The header wins and, on mismatch, answers 412
 * instead of 409.
 */
public final class ApiVersions {

    private ApiVersions() {
    }

    /** The version an update is based on. */
    public record Expected(Long version, boolean fromIfMatch) {
    }

    public static Expected expected(String ifMatch, Long bodyVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return new Expected(bodyVersion, false);
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return new Expected(Long.valueOf(value), true);
        }
        catch (NumberFormatException e) {
            throw new InvalidQueryException("If-Match", "query.filter.invalid", "If-Match");
        }
    }

    public static <T> ResponseEntity<T> ok(T body, long version) {
        return ResponseEntity.ok().eTag("\"" + version + "\"").body(body);
    }
}

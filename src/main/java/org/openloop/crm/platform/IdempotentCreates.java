package org.openloop.crm.platform;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Supplier;

import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CrmPrincipal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Honours the {@code Idempotency-Key} header on API creates (K3): the first request with a key runs and its response
 * is stored; a repeat from the same user with the same key gets the stored response instead of a second record.
 * A repeat while the first is still running answers 409; reusing a key for a different resource answers 422.
 */
@Component
public class IdempotentCreates {

    public static final String HEADER = "Idempotency-Key";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    IdempotentCreates(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    private record Stored(String requestPath, int status, String location, String responseBody) {
    }

    public ResponseEntity<?> create(String key, String requestPath, Supplier<ResponseEntity<?>> creator) {
        if (key == null || key.isBlank()) {
            return creator.get();
        }
        if (key.length() > 100) {
            throw BusinessRuleException.onField(HEADER, "idempotency.key.tooLong");
        }
        UUID userId = CrmPrincipal.current().map(CrmPrincipal::userId).orElseThrow();
        var stored = jdbc.sql("select request_path, status, location, response_body from idempotency_record "
                + "where user_id = ? and idem_key = ?").params(userId, key).query(Stored.class).optional();
        if (stored.isPresent()) {
            return replay(stored.get(), requestPath);
        }
        try {
            jdbc.sql("insert into idempotency_record (user_id, idem_key, request_path, status, created_at) "
                    + "values (?, ?, ?, 0, ?)").params(userId, key, requestPath,
                            clock.instant().atOffset(ZoneOffset.UTC)).update();
        }
        catch (DuplicateKeyException e) {
            throw BusinessRuleException.conflict(HEADER, "idempotency.key.inProgress");
        }
        ResponseEntity<?> response;
        try {
            response = creator.get();
        }
        catch (RuntimeException e) {
            jdbc.sql("delete from idempotency_record where user_id = ? and idem_key = ?").params(userId, key).update();
            throw e;
        }
        URI location = response.getHeaders().getLocation();
        jdbc.sql("update idempotency_record set status = ?, location = ?, response_body = ? "
                + "where user_id = ? and idem_key = ?")
                .params(response.getStatusCode().value(), location == null ? null : location.toString(),
                        response.getBody() == null ? null : json.writeValueAsString(response.getBody()), userId, key)
                .update();
        return response;
    }

    private ResponseEntity<?> replay(Stored stored, String requestPath) {
        if (!stored.requestPath().equals(requestPath)) {
            throw BusinessRuleException.onField(HEADER, "idempotency.key.reused");
        }
        if (stored.status() == 0) {
            throw BusinessRuleException.conflict(HEADER, "idempotency.key.inProgress");
        }
        HttpHeaders headers = new HttpHeaders();
        if (stored.location() != null) {
            headers.setLocation(URI.create(stored.location()));
        }
        headers.add("Idempotent-Replayed", "true");
        return ResponseEntity.status(stored.status()).headers(headers).contentType(MediaType.APPLICATION_JSON)
                .body(stored.responseBody());
    }
}

package org.openloop.crm.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.shared.CrmPrincipal;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit rows on a given JDBC connection, so that entity changes are audited in the transaction that makes
 * them (a rolled-back change leaves no audit row, a committed one always has one).
 */
public final class AuditWriter {

    static final int MAX_VALUE = 4000;
    private static final String INSERT = "insert into audit_event (id, occurred_at, actor_id, actor_name, action, "
            + "entity_type, entity_id, field, old_value, new_value, mask_style, detail, remote_address) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private AuditWriter() {
    }

    /** One audited fact; {@code actorName} is used when no user is signed in (logins, system jobs). */
    public record Fact(AuditAction action, String entityType, String entityId, String field, String oldValue,
            String newValue, String maskStyle, String detail, UUID actorId, String actorName) {

        public static Fact of(AuditAction action, String entityType, Object entityId, String detail) {
            return new Fact(action, entityType, entityId == null ? null : entityId.toString(), null, null, null, null,
                    detail, null, null);
        }
    }

    /** A fact with its time, actor and address taken when it happened, ready to be written. */
    record Row(Instant occurredAt, UUID actorId, String actorName, String remoteAddress, Fact fact) {
    }

    /** Takes the actor (the signed-in user unless the fact names one) and the request's address now. */
    static Row row(Instant now, Fact fact) {
        var principal = CrmPrincipal.current();
        UUID actorId = fact.actorId() != null ? fact.actorId() : principal.map(CrmPrincipal::userId).orElse(null);
        String actorName = fact.actorName() != null ? fact.actorName()
                : principal.map(p -> p.displayName() + " (" + p.username() + ")").orElse("system");
        return new Row(now, actorId, actorName, remoteAddress(), fact);
    }

    public static void write(Connection connection, Instant now, Fact fact) throws SQLException {
        write(connection, List.of(row(now, fact)));
    }

    /** Writes rows with one statement, as a JDBC batch when there are several. */
    static void write(Connection connection, List<Row> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (Row row : rows) {
                Fact fact = row.fact();
                statement.setObject(1, UUID.randomUUID());
                statement.setObject(2, row.occurredAt().atOffset(ZoneOffset.UTC));
                if (row.actorId() == null) {
                    statement.setNull(3, Types.OTHER);
                }
                else {
                    statement.setObject(3, row.actorId());
                }
                statement.setString(4, truncate(row.actorName(), 100));
                statement.setString(5, fact.action().name());
                statement.setString(6, fact.entityType());
                statement.setString(7, fact.entityId());
                statement.setString(8, fact.field());
                statement.setString(9, truncate(fact.oldValue(), MAX_VALUE));
                statement.setString(10, truncate(fact.newValue(), MAX_VALUE));
                statement.setString(11, fact.maskStyle());
                statement.setString(12, truncate(fact.detail(), 1000));
                statement.setString(13, row.remoteAddress());
                if (rows.size() == 1) {
                    statement.executeUpdate();
                }
                else {
                    statement.addBatch();
                }
            }
            if (rows.size() > 1) {
                statement.executeBatch();
            }
        }
    }

    static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return truncate(attributes.getRequest().getRemoteAddr(), 64);
        }
        return null;
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}

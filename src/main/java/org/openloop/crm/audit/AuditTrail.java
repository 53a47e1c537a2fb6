package org.openloop.crm.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.openloop.crm.audit.internal.AuditEvent;
import org.openloop.crm.audit.internal.AuditEvents;
import org.openloop.crm.audit.internal.AuditWriter;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListQuery;
import org.openloop.crm.shared.ListQuery.Match;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.RequiresPermission;
import org.openloop.crm.shared.SensitiveData;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The audit trail's API. Entity changes are recorded automatically for {@link Audited} entities; modules call
 * {@link #record} for facts Hibernate cannot see (assignments, permission changes). Reading a record's history is
 * allowed to whoever may see the record: the calling module checks that first.
 */
@Service
public class AuditTrail {

    static final ListQuery<AuditEvent> QUERY = ListQuery.of(AuditEvent.class)
            .sortable("occurredAt", Instant.class)
            .filter("action", AuditAction.class, Match.EQUALS)
            .filter("entityType", String.class, Match.EQUALS)
            .filter("entityId", String.class, Match.EQUALS)
            .filter("actorId", UUID.class, Match.EQUALS)
            .filter("actorName", String.class, Match.CONTAINS)
            .filter("from", "occurredAt", Instant.class, Match.FROM)
            .filter("before", "occurredAt", Instant.class, Match.BEFORE)
            .searchable("actorName")
            .searchable("detail")
            .defaultSort("-occurredAt")
            .build();

    private final AuditEvents events;
    private final DataSource dataSource;
    private final Clock clock;
    private final Exports exports;

    AuditTrail(AuditEvents events, DataSource dataSource, Clock clock, Exports exports) {
        this.events = events;
        this.dataSource = dataSource;
        this.clock = clock;
        this.exports = exports;
    }

    /** Records a fact in the current transaction (or on its own when there is none). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditAction action, String entityType, Object entityId, String field, String oldValue,
            String newValue, String detail) {
        write(new AuditWriter.Fact(action, entityType, entityId == null ? null : entityId.toString(), field, oldValue,
                newValue, null, detail, null, null));
    }

    /** Records a security fact with an explicit actor, for events that happen before anyone is signed in. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSecurityEvent(AuditAction action, UUID actorId, String actorName, String detail) {
        write(new AuditWriter.Fact(action, "user", actorId == null ? null : actorId.toString(), null, null, null,
                null, detail, actorId, actorName));
    }

    private void write(AuditWriter.Fact fact) {
        var connection = DataSourceUtils.getConnection(dataSource);
        try {
            AuditWriter.write(connection, clock.instant(), fact);
        }
        catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot write audit entry", e);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Whether anything but its creation was ever recorded about a record (hard deletes need a record without). */
    @Transactional(readOnly = true)
    public boolean hasHistoryBeyondCreation(String entityType, Object entityId) {
        Specification<AuditEvent> other = (root, query, cb) -> cb.and(
                cb.equal(root.get("entityType"), entityType), cb.equal(root.get("entityId"), entityId.toString()),
                cb.notEqual(root.get("action"), AuditAction.CREATE));
        return events.count(other) > 0;
    }

    /**
     * The history of one record, newest first. The caller must already have established that the current user may
     * see the record (its module answers 404 otherwise).
     */
    @Transactional(readOnly = true)
    public CursorPage<AuditEntry> historyOf(String entityType, Object entityId, ListRequest request) {
        Specification<AuditEvent> ofRecord = (root, query, cb) -> cb.and(cb.equal(root.get("entityType"), entityType),
                cb.equal(root.get("entityId"), entityId.toString()));
        return QUERY.page(events, request, ofRecord).map(AuditTrail::toEntry);
    }

    /**
     * A record's milestones for its timeline: creation, deletion, assignments, and changes of the given fields,
     * newest first, with {@code from <= occurredAt <= atOrBefore} (bounds may be {@code null}). The caller must
     * already have established that the current user may see the record, and drops entries at exactly
     * {@code atOrBefore} that it has shown already.
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> milestonesOf(String entityType, Object entityId, java.util.Collection<String> fields,
            Instant from, Instant atOrBefore, int limit) {
        Specification<AuditEvent> milestones = (root, query, cb) -> {
            List<jakarta.persistence.criteria.Predicate> where = new java.util.ArrayList<>();
            where.add(cb.equal(root.get("entityType"), entityType));
            where.add(cb.equal(root.get("entityId"), entityId.toString()));
            jakarta.persistence.criteria.Predicate lifecycle = root.get("action")
                    .in(AuditAction.CREATE, AuditAction.DELETE, AuditAction.ASSIGN);
            where.add(fields.isEmpty() ? lifecycle
                    : cb.or(lifecycle, cb.and(cb.equal(root.get("action"), AuditAction.UPDATE),
                            root.get("field").in(fields))));
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), from));
            }
            if (atOrBefore != null) {
                where.add(cb.lessThanOrEqualTo(root.get("occurredAt"), atOrBefore));
            }
            return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
        };
        return events.findBy(milestones, q -> q.sortBy(org.springframework.data.domain.Sort.by(
                org.springframework.data.domain.Sort.Order.desc("occurredAt"),
                org.springframework.data.domain.Sort.Order.desc("id"))).limit(limit).all())
                .stream().map(AuditTrail::toEntry).toList();
    }

    /** The whole trail, for auditors. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = "audit", action = "view")
    public CursorPage<AuditEntry> search(ListRequest request) {
        return QUERY.page(events, request, Specification.unrestricted()).map(AuditTrail::toEntry);
    }

    /** Streams the trail matching {@code request}'s filters as CSV or xlsx; the export is itself audited. */
    @RequiresPermission(module = "audit", action = "export")
    public void export(ListRequest request, Exports.Format format, List<String> headers, ZoneId zone,
            HttpServletResponse response) throws IOException {
        exports.writeList(response, format, "audit", "audit", headers, zone, request,
                page -> QUERY.page(events, page, Specification.unrestricted()),
                batch -> batch.stream().map(AuditTrail::toEntry).toList(),
                e -> List.of(e.occurredAt(), e.actorName(), e.action().name(), nullToEmpty(e.entityType()),
                        nullToEmpty(e.entityId()), nullToEmpty(e.field()), nullToEmpty(e.oldValue()),
                        nullToEmpty(e.newValue()), nullToEmpty(e.detail()), nullToEmpty(e.remoteAddress())));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    static AuditEntry toEntry(AuditEvent event) {
        String oldValue = event.getOldValue();
        String newValue = event.getNewValue();
        if (event.getMaskStyle() != null) {
            MaskStyle style = MaskStyle.valueOf(event.getMaskStyle());
            oldValue = SensitiveData.mask(style, oldValue);
            newValue = SensitiveData.mask(style, newValue);
        }
        return new AuditEntry(event.getId(), event.getOccurredAt(), event.getActorId(), event.getActorName(),
                event.getAction(), event.getEntityType(), event.getEntityId(), event.getField(), oldValue, newValue,
                event.getDetail(), event.getRemoteAddress());
    }
}

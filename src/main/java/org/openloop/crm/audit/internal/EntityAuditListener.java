package org.openloop.crm.audit.internal;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.persister.entity.EntityPersister;
import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.Audited;
import org.openloop.crm.shared.Sensitive;

/**
 * Writes the audit trail for every {@link Audited} entity from Hibernate's own change events: one row per created
 * record, one per changed field (old → new) and one per deleted record. Because it hooks into Hibernate rather than
 * into each service, no module can forget it.
 */
public class EntityAuditListener implements Integrator, PostInsertEventListener, PostUpdateEventListener,
        PostDeleteEventListener {

    private static final Set<String> ALWAYS_IGNORED = Set.of("version", "createdAt", "updatedAt");

    private final Clock clock;
    private final Map<Class<?>, Map<String, String>> maskStyles = new ConcurrentHashMap<>();
    private final Map<SharedSessionContractImplementor, Pending> pending = new ConcurrentHashMap<>();

    public EntityAuditListener(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor factory) {
        EventListenerRegistry registry = factory.getServiceRegistry().getService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, this);
        registry.appendListeners(EventType.POST_UPDATE, this);
        registry.appendListeners(EventType.POST_DELETE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        Audited audited = event.getEntity().getClass().getAnnotation(Audited.class);
        if (audited != null) {
            write(event.getSession(), List.of(new AuditWriter.Fact(AuditAction.CREATE, audited.value(),
                    Objects.toString(event.getId()), null, null, null, null, null, null, null)));
        }
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        Object entity = event.getEntity();
        Audited audited = entity.getClass().getAnnotation(Audited.class);
        if (audited == null || event.getDirtyProperties() == null || event.getOldState() == null) {
            return;
        }
        String[] names = event.getPersister().getPropertyNames();
        Set<String> ignored = Set.of(audited.ignore());
        List<AuditWriter.Fact> facts = new ArrayList<>();
        for (int index : event.getDirtyProperties()) {
            String name = names[index];
            if (ALWAYS_IGNORED.contains(name) || ignored.contains(name)) {
                continue;
            }
            String oldValue = text(event.getOldState()[index]);
            String newValue = text(event.getState()[index]);
            if (Objects.equals(oldValue, newValue)) {
                continue;
            }
            facts.add(new AuditWriter.Fact(AuditAction.UPDATE, audited.value(), Objects.toString(event.getId()), name,
                    oldValue, newValue, maskStyle(entity.getClass(), name), null, null, null));
        }
        write(event.getSession(), facts);
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        Audited audited = event.getEntity().getClass().getAnnotation(Audited.class);
        if (audited != null) {
            write(event.getSession(), List.of(new AuditWriter.Fact(AuditAction.DELETE, audited.value(),
                    Objects.toString(event.getId()), null, null, null, null, null, null, null)));
        }
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    /**
     * Queues the facts of a session's transaction and writes them in one JDBC batch just before it commits (after
     * Hibernate's last flush), instead of a statement per change: a transaction that writes many records (an
     * import chunk) pays one round trip for its audit rows. A rolled-back transaction writes none, as before.
     */
    private void write(SharedSessionContractImplementor session, List<AuditWriter.Fact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<AuditWriter.Row> rows = facts.stream().map(fact -> AuditWriter.row(now, fact)).toList();
        Pending queue = session.isTransactionInProgress() ? pending.computeIfAbsent(session, this::queue) : null;
        if (queue == null || !queue.add(rows)) {
            // no transaction to wait for, or its queue was already written: write at once
            session.doWork(connection -> AuditWriter.write(connection, rows));
        }
    }

    private Pending queue(SharedSessionContractImplementor session) {
        Pending queue = new Pending();
        var callbacks = session.getTransactionCompletionCallbacks();
        callbacks.registerCallback((TransactionCompletionCallbacks.BeforeCompletionCallback) s -> {
            List<AuditWriter.Row> rows = queue.drain();
            if (!rows.isEmpty()) {
                s.doWork(connection -> AuditWriter.write(connection, rows));
            }
        });
        callbacks.registerCallback((TransactionCompletionCallbacks.AfterCompletionCallback) (success, s) ->
                pending.remove(session));
        return queue;
    }

    /** The audit rows of one transaction, until they are written. */
    private static final class Pending {

        private final List<AuditWriter.Row> rows = new ArrayList<>();
        private boolean written;

        synchronized boolean add(List<AuditWriter.Row> more) {
            if (written) {
                return false;
            }
            rows.addAll(more);
            return true;
        }

        synchronized List<AuditWriter.Row> drain() {
            written = true;
            return List.copyOf(rows);
        }
    }

    private String maskStyle(Class<?> type, String property) {
        return maskStyles.computeIfAbsent(type, EntityAuditListener::sensitiveFields).get(property);
    }

    private static Map<String, String> sensitiveFields(Class<?> type) {
        Map<String, String> styles = new ConcurrentHashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Sensitive sensitive = field.getAnnotation(Sensitive.class);
                if (sensitive != null) {
                    styles.put(field.getName(), sensitive.value().name());
                }
            }
        }
        return styles;
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(EntityAuditListener::text).sorted().toList().toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        return value.toString();
    }
}

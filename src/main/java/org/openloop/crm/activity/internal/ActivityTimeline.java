package org.openloop.crm.activity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.shared.DataScope;
import org.openloop.crm.shared.OwnedRecord;
import org.openloop.crm.shared.ScopedRepository;
import org.openloop.crm.timeline.TimelineEntry;
import org.openloop.crm.timeline.TimelineSource;
import org.openloop.crm.timeline.TimelineWindow;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * Interactions and tasks on a customer's timeline (C2). Each source asks for the customer's entries inside the
 * reader's data scope only, so an interaction or task the reader may not see never appears. Interactions stand at
 * their time, tasks at their due time.
 */
final class ActivityTimeline {

    private ActivityTimeline() {
    }

    @Component
    static class InteractionEntries implements TimelineSource {

        private final Interactions interactions;
        private final AccessControl access;
        private final OrganizationManagement organization;
        private final MessageSource messages;

        InteractionEntries(Interactions interactions, AccessControl access, OrganizationManagement organization,
                MessageSource messages) {
            this.interactions = interactions;
            this.access = access;
            this.organization = organization;
            this.messages = messages;
        }

        @Override
        public String kind() {
            return "interaction";
        }

        @Override
        public boolean covers(String recordType) {
            return "customer".equals(recordType);
        }

        @Override
        public List<TimelineEntry> entries(String recordType, UUID recordId, TimelineWindow window) {
            return customerEntries(interactions, recordId, "occurredAt", window, access.currentScope(), organization,
                    (i, ownerName) -> new TimelineEntry(i.getId().toString(), kind(), i.getOccurredAt(), ownerName,
                            message(messages, "interaction.timeline.title",
                                    message(messages, "interaction.channel." + i.getChannel()), i.getSubject()),
                            i.getSummary(), "/interactions/" + i.getId()));
        }
    }

    @Component
    static class TaskEntries implements TimelineSource {

        private final Tasks tasks;
        private final AccessControl access;
        private final OrganizationManagement organization;
        private final MessageSource messages;

        TaskEntries(Tasks tasks, AccessControl access, OrganizationManagement organization, MessageSource messages) {
            this.tasks = tasks;
            this.access = access;
            this.organization = organization;
            this.messages = messages;
        }

        @Override
        public String kind() {
            return "task";
        }

        @Override
        public boolean covers(String recordType) {
            return "customer".equals(recordType);
        }

        @Override
        public List<TimelineEntry> entries(String recordType, UUID recordId, TimelineWindow window) {
            return customerEntries(tasks, recordId, "dueAt", window, access.currentScope(), organization,
                    (t, ownerName) -> new TimelineEntry(t.getId().toString(), kind(), t.getDueAt(), ownerName,
                            message(messages, "task.timeline.title",
                                    message(messages, "task.status." + t.getStatus()), t.getSubject()),
                            t.getOutcome(), "/tasks/" + t.getId()));
        }
    }

    /**
     * A customer's records of one kind inside the window and the reader's scope, newest first by {@code timeAttribute},
     * with their owners' names loaded in one query per page.
     */
    static <T extends OwnedRecord> List<TimelineEntry> customerEntries(ScopedRepository<T, UUID> repository,
            UUID customerId, String timeAttribute, TimelineWindow window, DataScope scope,
            OrganizationManagement organization, BiFunction<T, String, TimelineEntry> toEntry) {
        Instant upTo = window.upperBound();
        return window.collect(limit -> {
            Specification<T> spec = (root, query, cb) -> cb.equal(root.get("customerId"), customerId);
            spec = spec.and(ActivityTimeline.<T>between(timeAttribute, window.from(), upTo))
                    .and(scope.toSpecification());
            List<T> rows = repository.findAll(spec, PageRequest.of(0, limit,
                    Sort.by(Sort.Order.desc(timeAttribute), Sort.Order.desc("id")))).getContent();
            Map<UUID, String> names = names(organization,
                    rows.stream().map(OwnedRecord::getOwnerId).collect(Collectors.toSet()));
            return rows.stream().map(row -> toEntry.apply(row, names.get(row.getOwnerId()))).toList();
        });
    }

    static <T> Specification<T> between(String attribute, Instant from, Instant upTo) {
        return (root, query, cb) -> {
            var at = root.<Instant>get(attribute);
            var predicate = cb.conjunction();
            if (from != null) {
                predicate = cb.and(predicate, cb.greaterThanOrEqualTo(at, from));
            }
            if (upTo != null) {
                predicate = cb.and(predicate, cb.lessThanOrEqualTo(at, upTo));
            }
            return predicate;
        };
    }

    static Map<UUID, String> names(OrganizationManagement organization, java.util.Set<UUID> ids) {
        ids = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        return new java.util.HashMap<>(ids.isEmpty() ? Map.of() : organization.names(ids));
    }

    static String message(MessageSource messages, String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

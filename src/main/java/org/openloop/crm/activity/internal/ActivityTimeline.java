package org.openloop.crm.activity.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.shared.DataScope;
import org.openloop.crm.timeline.TimelineEntry;
import org.openloop.crm.timeline.TimelineSource;
import org.openloop.crm.timeline.TimelineWindow;
import org.springframework.beans.factory.annotation.Value;
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
            DataScope scope = access.currentScope();
            Instant upTo = window.upperBound();
            return window.collect(limit -> {
                Specification<Interaction> spec = (root, query, cb) -> cb.equal(root.get("customerId"), recordId);
                spec = spec.and(between("occurredAt", window.from(), upTo)).and(scope.toSpecification());
                List<Interaction> rows = interactions.findAll(spec, PageRequest.of(0, limit,
                        Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id")))).getContent();
                Map<UUID, String> names = names(organization,
                        rows.stream().map(Interaction::getOwnerId).collect(Collectors.toSet()));
                return rows.stream().map(i -> new TimelineEntry(i.getId().toString(), kind(), i.getOccurredAt(),
                        names.get(i.getOwnerId()),
                        message(messages, "interaction.timeline.title",
                                message(messages, "interaction.channel." + i.getChannel()), i.getSubject()),
                        i.getSummary(), "/interactions/" + i.getId())).toList();
            });
        }
    }

    @Component
    static class TaskEntries implements TimelineSource {

        private final Tasks tasks;
        private final AccessControl access;
        private final OrganizationManagement organization;
        private final MessageSource messages;
        private final ZoneId zone;

        TaskEntries(Tasks tasks, AccessControl access, OrganizationManagement organization, MessageSource messages,
                @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
            this.tasks = tasks;
            this.access = access;
            this.organization = organization;
            this.messages = messages;
            this.zone = zone;
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
            DataScope scope = access.currentScope();
            Instant upTo = window.upperBound();
            return window.collect(limit -> {
                Specification<Task> spec = (root, query, cb) -> cb.equal(root.get("customerId"), recordId);
                spec = spec.and(between("dueAt", window.from(), upTo)).and(scope.toSpecification());
                List<Task> rows = tasks.findAll(spec, PageRequest.of(0, limit,
                        Sort.by(Sort.Order.desc("dueAt"), Sort.Order.desc("id")))).getContent();
                Map<UUID, String> names = names(organization,
                        rows.stream().map(Task::getOwnerId).collect(Collectors.toSet()));
                return rows.stream().map(t -> new TimelineEntry(t.getId().toString(), kind(), t.getDueAt(),
                        names.get(t.getOwnerId()),
                        message(messages, "task.timeline.title", message(messages, "task.status." + t.getStatus()),
                                t.getSubject()),
                        t.getOutcome(), "/tasks/" + t.getId())).toList();
            });
        }
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

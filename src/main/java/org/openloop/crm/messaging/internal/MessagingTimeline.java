package org.openloop.crm.messaging.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.messaging.EmailDirection;
import org.openloop.crm.messaging.EmailStatus;
import org.openloop.crm.messaging.CallStatus;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.shared.DataScope;
import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.SensitiveData;
import org.openloop.crm.timeline.TimelineEntry;
import org.openloop.crm.timeline.TimelineSource;
import org.openloop.crm.timeline.TimelineWindow;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * Mail (kind {@code email}) and calls (kind {@code call}) on customers' timelines (C2, C3, C4). Each source returns
 * only the entries inside the reader's data scope by the entry's own owner and department, so a manager's mail to a
 * shared customer stays out of a rep's timeline; addresses and numbers are masked for readers without the right.
 */
@Configuration(proxyBeanMethods = false)
class MessagingTimeline {

    static final int EXCERPT = 200;

    @Bean
    TimelineSource emailTimeline(EmailMessages mails, AccessControl access, OrganizationManagement organization,
            MessageSource messages) {
        return new Source("email") {
            @Override
            List<TimelineEntry> page(UUID customerId, Instant from, Instant upTo, int limit) {
                DataScope scope = access.currentScope();
                Specification<EmailMessage> spec = (root, query, cb) -> cb.and(
                        cb.equal(root.get("customerId"), customerId),
                        root.get("status").in(EmailStatus.SENT, EmailStatus.FAILED, EmailStatus.LOGGED));
                spec = spec.and(between("occurredAt", from, upTo)).and(scope.toSpecification());
                List<EmailMessage> rows = mails.findAll(spec, PageRequest.of(0, limit,
                        Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id")))).getContent();
                Set<UUID> senders = new HashSet<>();
                rows.forEach(m -> {
                    if (m.getSenderId() != null) {
                        senders.add(m.getSenderId());
                    }
                });
                Map<UUID, String> names = senders.isEmpty() ? Map.of() : organization.names(senders);
                List<TimelineEntry> entries = new ArrayList<>();
                for (EmailMessage m : rows) {
                    String key = m.getDirection() == EmailDirection.IN ? "email.timeline.received"
                            : m.getStatus() == EmailStatus.FAILED ? "email.timeline.failed" : "email.timeline.sent";
                    String actor = m.getSenderId() != null ? names.get(m.getSenderId())
                            : SensitiveData.mask(MaskStyle.EMAIL, m.getFromAddress());
                    entries.add(new TimelineEntry(m.getId().toString(), "email", m.getOccurredAt(), actor,
                            message(messages, key, m.getSubject()), excerpt(m.getBody()), "/emails/" + m.getId()));
                }
                return entries;
            }
        };
    }

    @Bean
    TimelineSource callTimeline(CallRecords calls, AccessControl access, OrganizationManagement organization,
            MessageSource messages) {
        return new Source("call") {
            @Override
            List<TimelineEntry> page(UUID customerId, Instant from, Instant upTo, int limit) {
                DataScope scope = access.currentScope();
                Specification<CallRecord> spec = (root, query, cb) -> cb.and(
                        cb.equal(root.get("customerId"), customerId),
                        cb.equal(root.get("status"), CallStatus.LOGGED));
                spec = spec.and(between("startedAt", from, upTo)).and(scope.toSpecification());
                List<CallRecord> rows = calls.findAll(spec, PageRequest.of(0, limit,
                        Sort.by(Sort.Order.desc("startedAt"), Sort.Order.desc("id")))).getContent();
                Set<UUID> agents = new HashSet<>();
                rows.forEach(c -> {
                    if (c.getAgentId() != null) {
                        agents.add(c.getAgentId());
                    }
                });
                Map<UUID, String> names = agents.isEmpty() ? Map.of() : organization.names(agents);
                List<TimelineEntry> entries = new ArrayList<>();
                for (CallRecord c : rows) {
                    String title = message(messages, "call.timeline." + c.getDirection().name().toLowerCase(),
                            SensitiveData.mask(MaskStyle.PHONE, c.getPhone()), c.getDurationSeconds() / 60,
                            c.getDurationSeconds() % 60);
                    entries.add(new TimelineEntry(c.getId().toString(), "call", c.getStartedAt(),
                            c.getAgentId() == null ? null : names.get(c.getAgentId()), title, null,
                            "/calls/" + c.getId()));
                }
                return entries;
            }
        };
    }

    /** A source for customers that pages with an inclusive upper time bound through {@link TimelineWindow#collect}. */
    abstract static class Source implements TimelineSource {

        private final String kind;

        Source(String kind) {
            this.kind = kind;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public boolean covers(String recordType) {
            return "customer".equals(recordType);
        }

        @Override
        public List<TimelineEntry> entries(String recordType, UUID recordId, TimelineWindow window) {
            Instant atOrBefore = window.upperBound();
            return window.collect(limit -> page(recordId, window.from(), atOrBefore, limit));
        }

        abstract List<TimelineEntry> page(UUID customerId, Instant from, Instant upTo, int limit);

        static <T> Specification<T> between(String attribute, Instant from, Instant upTo) {
            return (root, query, cb) -> {
                List<jakarta.persistence.criteria.Predicate> predicates = new ArrayList<>();
                if (from != null) {
                    predicates.add(cb.greaterThanOrEqualTo(root.get(attribute), from));
                }
                if (upTo != null) {
                    predicates.add(cb.lessThanOrEqualTo(root.get(attribute), upTo));
                }
                return cb.and(predicates.toArray(jakarta.persistence.criteria.Predicate[]::new));
            };
        }

        static String excerpt(String body) {
            if (body == null) {
                return null;
            }
            String flat = body.replaceAll("\\s+", " ").strip();
            return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "…";
        }

        static String message(MessageSource messages, String key, Object... arguments) {
            return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
        }
    }
}

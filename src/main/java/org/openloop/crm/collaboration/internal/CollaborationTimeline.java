package org.openloop.crm.collaboration.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openloop.crm.organization.OrganizationManagement;
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
 * Closed collaboration tasks on their customer's timeline (E6): the customer's satisfaction and the final solution,
 * at the time they were recorded. Only tasks the reader sees appear.
 */
@Component
class CollaborationTimeline implements TimelineSource {

    static final String KIND = "collaboration";

    private final CollaborationTasks tasks;
    private final CollaborationAccess access;
    private final OrganizationManagement organization;
    private final MessageSource messages;

    CollaborationTimeline(CollaborationTasks tasks, CollaborationAccess access, OrganizationManagement organization,
            MessageSource messages) {
        this.tasks = tasks;
        this.access = access;
        this.organization = organization;
        this.messages = messages;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean covers(String recordType) {
        return "customer".equals(recordType);
    }

    @Override
    public List<TimelineEntry> entries(String recordType, UUID recordId, TimelineWindow window) {
        Instant atOrBefore = window.upperBound();
        Specification<CollaborationTask> closed = (r, q, cb) -> cb.and(cb.equal(r.get("customerId"), recordId),
                cb.isNotNull(r.get("satisfactionAt")),
                window.from() == null ? cb.conjunction() : cb.greaterThanOrEqualTo(r.get("satisfactionAt"), window.from()),
                atOrBefore == null ? cb.conjunction() : cb.lessThanOrEqualTo(r.get("satisfactionAt"), atOrBefore));
        Specification<CollaborationTask> visible = closed.and(access.currentViewer().specification());
        return window.collect(limit -> render(tasks.findAll(visible, PageRequest.of(0, limit,
                Sort.by(Sort.Order.desc("satisfactionAt"), Sort.Order.desc("id")))).getContent()));
    }

    private List<TimelineEntry> render(List<CollaborationTask> closed) {
        Map<UUID, String> names = organization.names(closed.stream().map(CollaborationTask::getOwnerId)
                .collect(Collectors.toSet()));
        return closed.stream().map(t -> new TimelineEntry(t.getId().toString(), KIND, t.getSatisfactionAt(),
                names.get(t.getOwnerId()),
                message("collaboration.timeline.closed", t.getNumber(),
                        message("collaboration.satisfaction." + t.getSatisfaction().name())),
                t.getFinalSolution(), "/collaboration/" + t.getId())).toList();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

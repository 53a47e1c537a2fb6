package org.openloop.crm.sales.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.sales.OpportunityStatus;
import org.openloop.crm.timeline.TimelineEntry;
import org.openloop.crm.timeline.TimelineSource;
import org.openloop.crm.timeline.TimelineWindow;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * Opportunity milestones on timelines (C2): on a customer's timeline the creation, win, loss, closing and reopening
 * of its opportunities in the reader's data scope; on an opportunity's own timeline every stage and status change.
 */
@Component
class SalesTimeline implements TimelineSource {

    static final String KIND = "opportunity";

    private final Opportunities opportunities;
    private final StageChanges changes;
    private final Stages stages;
    private final AccessControl access;
    private final OrganizationManagement organization;
    private final MessageSource messages;

    SalesTimeline(Opportunities opportunities, StageChanges changes, Stages stages, AccessControl access,
            OrganizationManagement organization, MessageSource messages) {
        this.opportunities = opportunities;
        this.changes = changes;
        this.stages = stages;
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
        return "customer".equals(recordType) || "opportunity".equals(recordType);
    }

    @Override
    public List<TimelineEntry> entries(String recordType, UUID recordId, TimelineWindow window) {
        boolean customer = "customer".equals(recordType);
        Specification<Opportunity> which = customer
                ? (r, q, cb) -> cb.equal(r.get("customerId"), recordId)
                : (r, q, cb) -> cb.equal(r.get("id"), recordId);
        Map<UUID, Opportunity> visible = opportunities.findAll(which.and(access.currentScope().toSpecification()))
                .stream().collect(Collectors.toMap(Opportunity::getId, o -> o));
        if (visible.isEmpty()) {
            return List.of();
        }
        return window.collect(limit -> render(changes.newestOf(visible.keySet(), customer, window.upperBound(),
                window.from(), PageRequest.of(0, limit)), visible, customer));
    }

    private List<TimelineEntry> render(List<StageChange> rows, Map<UUID, Opportunity> visible, boolean customer) {
        Set<UUID> people = rows.stream().map(StageChange::getChangedBy).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<UUID, String> names = people.isEmpty() ? Map.of() : organization.names(people);
        Map<UUID, String> stageNames = stages.findAllById(rows.stream().map(StageChange::getToStageId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(Stage::getId, Stage::getName));
        return rows.stream().map(c -> {
            Opportunity o = visible.get(c.getOpportunityId());
            String what = o.getNumber() + " " + o.getName();
            String title;
            if (c.getFromStatus() == null) {
                title = message("opportunity.timeline.created", what);
            }
            else if (c.getFromStatus() != c.getToStatus()) {
                String key = c.getToStatus() == OpportunityStatus.OPEN ? "reopened"
                        : c.getToStatus().name().toLowerCase(java.util.Locale.ROOT);
                title = message("opportunity.timeline." + key, what);
            }
            else {
                title = message("opportunity.timeline.stage", what, stageNames.getOrDefault(c.getToStageId(), "—"));
            }
            String detail = c.getNote() == null ? null
                    : c.getNote().startsWith("opportunity.reason.") ? message(c.getNote()) : c.getNote();
            String actor = c.getChangedBy() == null ? message("opportunity.history.system")
                    : names.get(c.getChangedBy());
            return new TimelineEntry(c.getId().toString(), KIND, c.getChangedAt(), actor, title, detail,
                    customer ? "/opportunities/" + o.getId() : null);
        }).toList();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

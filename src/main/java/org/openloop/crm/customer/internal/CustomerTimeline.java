package org.openloop.crm.customer.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.AuditEntry;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.timeline.TimelineEntry;
import org.openloop.crm.timeline.TimelineSource;
import org.openloop.crm.timeline.TimelineWindow;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A customer's own milestones on its timeline (C2), taken from its audit trail: creation, owner changes (claim,
 * assignment, transfer, return to the pool), type and level changes, archive, tags, relations, attachments, merges
 * and pool warnings. Field-by-field edits stay in the history tab. The customer page has checked that the reader
 * may see the customer, so its milestones are visible too; sensitive values never appear here.
 */
@Component
class CustomerTimeline implements TimelineSource {

    static final String KIND = "record";
    private static final Set<String> MILESTONE_FIELDS = Set.of("type", "level", "archived", "tags", "merge",
            "mergedInto", "relation", "attachments", "poolWarning");

    private final AuditTrail audit;
    private final OrganizationManagement organization;
    private final MessageSource messages;

    CustomerTimeline(AuditTrail audit, OrganizationManagement organization, MessageSource messages) {
        this.audit = audit;
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
        return window.collect(limit -> render(
                audit.milestonesOf("customer", recordId, MILESTONE_FIELDS, window.from(), atOrBefore, limit)));
    }

    private List<TimelineEntry> render(List<AuditEntry> milestones) {
        Set<UUID> users = new HashSet<>();
        for (AuditEntry e : milestones) {
            if (e.action() == AuditAction.ASSIGN) {
                users.add(uuid(e.oldValue()));
                users.add(uuid(e.newValue()));
            }
        }
        users.remove(null);
        Map<UUID, String> names = users.isEmpty() ? Map.of() : organization.names(users);
        List<TimelineEntry> entries = new ArrayList<>();
        for (AuditEntry e : milestones) {
            entries.add(new TimelineEntry(e.id().toString(), KIND, e.occurredAt(), e.actorName(), title(e, names),
                    e.detail(), null));
        }
        return entries;
    }

    private String title(AuditEntry e, Map<UUID, String> names) {
        return switch (e.action()) {
            case CREATE -> message("timeline.customer.created");
            case DELETE -> message("timeline.customer.deleted");
            case ASSIGN -> {
                String from = name(names, e.oldValue());
                String to = name(names, e.newValue());
                if (to == null) {
                    yield message("timeline.customer.returned", from == null ? "—" : from);
                }
                yield from == null ? message("timeline.customer.owned", to)
                        : message("timeline.customer.transferred", from, to);
            }
            default -> switch (e.field()) {
                case "archived" -> message("true".equals(e.newValue()) ? "timeline.customer.archived"
                        : "timeline.customer.reactivated");
                case "type" -> message("timeline.customer.changed", message("customer.field.type"),
                        label("customer.type.", e.oldValue()), label("customer.type.", e.newValue()));
                case "level" -> message("timeline.customer.changed", message("customer.field.level"),
                        label("customer.level.", e.oldValue()), label("customer.level.", e.newValue()));
                case "merge" -> e.newValue() != null ? message("timeline.customer.merged", e.newValue())
                        : message("timeline.customer.mergeUndone", value(e.oldValue()));
                case "mergedInto" -> e.newValue() != null ? message("timeline.customer.mergedInto", e.newValue())
                        : message("timeline.customer.unmerged", value(e.oldValue()));
                case "poolWarning" -> message("timeline.customer.poolWarning");
                default -> message("timeline.customer.changed", message("customer.field." + e.field()),
                        value(e.oldValue()), value(e.newValue()));
            };
        };
    }

    private String label(String prefix, String value) {
        return value == null ? "—" : message(prefix + value);
    }

    private static String value(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private static String name(Map<UUID, String> names, String id) {
        UUID uuid = uuid(id);
        return uuid == null ? null : names.getOrDefault(uuid, "—");
    }

    private static UUID uuid(String value) {
        try {
            return value == null || "null".equals(value) ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

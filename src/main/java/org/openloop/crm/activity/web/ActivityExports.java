package org.openloop.crm.activity.web;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.openloop.crm.activity.InteractionView;
import org.openloop.crm.activity.TaskView;

/**
 * Columns of the interaction and task list exports: the API heads them with field names and writes enum codes, the
 * pages head them with localised labels and write localised values.
 */
final class ActivityExports {

    static final List<String> INTERACTION_HEADERS = List.of("occurredAt", "subject", "channel", "customerId",
            "participantIds", "place", "summary", "owner");

    static final List<String> TASK_HEADERS = List.of("subject", "kind", "priority", "status", "startAt", "dueAt",
            "customerId", "assigneeId", "completedAt");

    private ActivityExports() {
    }

    static List<?> interactionRow(InteractionView i, Function<Enum<?>, String> label) {
        return Arrays.asList(i.occurredAt(), i.subject(), label.apply(i.channel()), i.customerName(),
                String.join(", ", i.participantNames()), i.place(), i.summary(), i.ownerName());
    }

    static List<?> taskRow(TaskView t, Function<Enum<?>, String> label) {
        return Arrays.asList(t.subject(), label.apply(t.kind()), label.apply(t.priority()), label.apply(t.status()),
                t.startAt(), t.dueAt(), t.customerName(), t.ownerName(), t.completedAt());
    }

    static String code(Enum<?> value) {
        return value == null ? null : value.name();
    }
}

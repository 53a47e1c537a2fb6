package org.openloop.crm.importing;

import java.util.List;
import java.util.UUID;

/**
 * What happened to one row: the outcome, the record written or matched, and why, as a message key with arguments
 * (resolved in the language of the user who started the import). {@code message} may instead carry text that is
 * already localised, such as a bean-validation message.
 */
public record RowResult(RowOutcome outcome, UUID recordId, String messageKey, List<Object> arguments) {

    public RowResult {
        arguments = arguments == null ? List.of() : List.copyOf(arguments.stream().map(String::valueOf).toList());
    }

    public static RowResult created(UUID id, String messageKey, Object... arguments) {
        return new RowResult(RowOutcome.CREATED, id, messageKey, List.of(arguments));
    }

    public static RowResult updated(UUID id, String messageKey, Object... arguments) {
        return new RowResult(RowOutcome.UPDATED, id, messageKey, List.of(arguments));
    }

    public static RowResult skipped(UUID id, String messageKey, Object... arguments) {
        return new RowResult(RowOutcome.SKIPPED, id, messageKey, List.of(arguments));
    }

    public static RowResult error(String messageKey, Object... arguments) {
        return new RowResult(RowOutcome.ERROR, null, messageKey, List.of(arguments));
    }
}

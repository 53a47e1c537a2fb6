package org.openloop.crm.shared;

import java.util.List;

/**
 * A request that is well-formed but breaks a business rule. Carries a message key (resolved in the user's language
 * by the web layer) and an optional field the rule is about. Answers 422, or 409 when {@link #conflict()} is set.
 */
public class BusinessRuleException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;
    private final String field;
    private final boolean conflict;

    public BusinessRuleException(String messageKey, Object... arguments) {
        this(messageKey, null, false, arguments);
    }

    private BusinessRuleException(String messageKey, String field, boolean conflict, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
        this.field = field;
        this.conflict = conflict;
    }

    /** A rule about one input field, shown next to that field in forms. */
    public static BusinessRuleException onField(String field, String messageKey, Object... arguments) {
        return new BusinessRuleException(messageKey, field, false, arguments);
    }

    /** A rule broken by the current state of stored data (for example a duplicate), answered with 409. */
    public static BusinessRuleException conflict(String field, String messageKey, Object... arguments) {
        return new BusinessRuleException(messageKey, field, true, arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }

    public String field() {
        return field;
    }

    public boolean conflict() {
        return conflict;
    }
}

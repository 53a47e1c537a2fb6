package org.openloop.crm.shared;

/**
 * A list request names a sort or filter field that is not declared, or one the user may not use (a masked field).
 * Answers 400 with the offending parameter.
 */
public class InvalidQueryException extends RuntimeException {

    private final String parameter;
    private final String messageKey;
    private final Object[] arguments;

    public InvalidQueryException(String parameter, String messageKey, Object... arguments) {
        super(messageKey + " " + parameter);
        this.parameter = parameter;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String parameter() {
        return parameter;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}

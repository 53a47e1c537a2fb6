package org.openloop.crm.shared;

/**
 * A record does not exist or lies outside the caller's data scope. Both answer the same 404, so a user cannot
 * learn that a record they may not see exists.
 */
public class RecordNotFoundException extends RuntimeException {

    private final String type;

    public RecordNotFoundException(String type, Object id) {
        super(type + " " + id + " not found");
        this.type = type;
    }

    public String type() {
        return type;
    }
}

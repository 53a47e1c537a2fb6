package org.openloop.crm.shared;

/**
 * The client edited a version of a record that is no longer current (optimistic locking): answered with 409, or 412
 * when the version came in an {@code If-Match} header.
 */
public class VersionConflictException extends RuntimeException {

    private final boolean precondition;

    public VersionConflictException(String type, Object id, boolean precondition) {
        super(type + " " + id + " was changed by someone else");
        this.precondition = precondition;
    }

    public boolean precondition() {
        return precondition;
    }

    /** Throws when the version the client saw differs from the stored one. */
    public static void check(String type, Object id, Long expected, long actual, boolean fromIfMatch) {
        if (expected != null && expected != actual) {
            throw new VersionConflictException(type, id, fromIfMatch);
        }
    }
}

package org.openloop.crm.importing;

/** What an import does with a row that matches an existing record (B6). */
public enum DuplicatePolicy {
    /** Leave the existing record alone and report the row as skipped. */
    SKIP,
    /** Update the existing record with the row's non-empty cells, if the importing user may edit it. */
    UPDATE,
    /** Create a new record anyway. */
    CREATE
}

package org.openloop.crm.importing;

public enum RowOutcome {
    CREATED, UPDATED, SKIPPED, ERROR
}

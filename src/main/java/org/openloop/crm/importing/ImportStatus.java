package org.openloop.crm.importing;

/** UPLOADED (waiting for the mapping) → QUEUED → RUNNING → DONE, FAILED or CANCELLED. */
public enum ImportStatus {
    UPLOADED, QUEUED, RUNNING, DONE, FAILED, CANCELLED;

    public boolean finished() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}

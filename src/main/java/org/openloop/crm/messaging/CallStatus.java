package org.openloop.crm.messaging;

/** {@code LOGGED} on a customer's timeline, {@code REVIEW} when no contact has the number, or {@code DISCARDED}. */
public enum CallStatus {
    LOGGED, REVIEW, DISCARDED
}

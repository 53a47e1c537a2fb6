package org.openloop.crm.messaging;

/**
 * {@code SENT} and {@code FAILED} for mail sent from the CRM (with the server's reason); {@code LOGGED} for received
 * mail on a customer's timeline, {@code REVIEW} for received mail from an unknown address, {@code DISCARDED} for
 * reviewed mail nobody needs.
 */
public enum EmailStatus {
    SENT, FAILED, LOGGED, REVIEW, DISCARDED
}

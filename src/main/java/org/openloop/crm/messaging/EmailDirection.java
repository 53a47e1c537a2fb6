package org.openloop.crm.messaging;

/** Whether a mail was sent from the CRM ({@code OUT}) or read from the inbound mailbox ({@code IN}). */
public enum EmailDirection {
    OUT, IN
}

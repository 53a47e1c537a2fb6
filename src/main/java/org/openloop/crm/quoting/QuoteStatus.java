package org.openloop.crm.quoting;

/** Where a quote stands (F5). Only a DRAFT is edited; ACCEPTED and SUPERSEDED are final. */
public enum QuoteStatus {
    DRAFT, PENDING_APPROVAL, SENT, ACCEPTED, REJECTED, EXPIRED, SUPERSEDED
}

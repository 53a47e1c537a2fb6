package org.openloop.crm.quoting;

/** The steps of a quote's workflow; {@code EXPIRE} is taken by the expiry job only. */
public enum QuoteAction {
    SEND, APPROVE, REJECT_APPROVAL, ACCEPT, REJECT, EXPIRE, REVISE
}

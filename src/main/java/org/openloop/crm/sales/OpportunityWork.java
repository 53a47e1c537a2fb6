package org.openloop.crm.sales;

/** Kinds of work other modules attach to an opportunity; see {@link OpportunityManagement#requireAcceptsNewWork}. */
public enum OpportunityWork {
    QUOTE, CONTRACT, ACTIVITY, EXPENSE
}

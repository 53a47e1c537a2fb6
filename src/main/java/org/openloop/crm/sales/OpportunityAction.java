package org.openloop.crm.sales;

/**
 * The steps of the opportunity workflow (F2) a user can take: win (OPEN → WON), lose with a reason (OPEN → LOST),
 * close (WON → CLOSED, managers) and reopen (LOST → OPEN, managers).
 */
public enum OpportunityAction {
    WIN, LOSE, CLOSE, REOPEN
}

package org.openloop.crm.marketing;

/** A step of the campaign workflow: start (PLANNED → ACTIVE), complete (ACTIVE → COMPLETED), cancel. */
public enum CampaignAction {
    START,
    COMPLETE,
    CANCEL
}

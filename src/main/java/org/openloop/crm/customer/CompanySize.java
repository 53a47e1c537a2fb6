package org.openloop.crm.customer;

/** 规模, by head count (B1). */
public enum CompanySize {
    /** fewer than 50 */
    SMALL,
    /** 50–299 */
    MEDIUM,
    /** 300–999 */
    LARGE,
    /** 1000 or more */
    ENTERPRISE
}

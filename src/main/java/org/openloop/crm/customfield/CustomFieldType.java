package org.openloop.crm.customfield;

/** The kinds of value a custom field holds, and the typed column each is stored in. */
public enum CustomFieldType {
    TEXT, NUMBER,
    /** A decimal amount with two decimal places. */
    MONEY, DATE, SINGLE_SELECT, MULTI_SELECT,
    /** The id of an active user, shown by name. */
    USER;

    public boolean numeric() {
        return this == NUMBER || this == MONEY;
    }

    public boolean select() {
        return this == SINGLE_SELECT || this == MULTI_SELECT;
    }
}

package org.openloop.crm.customer;

/** The palette tags are drawn in (B3); a fixed set, so no user-supplied colour ever reaches a style. */
public enum TagColour {
    BLUE, GREEN, ORANGE, RED, PURPLE, TEAL, PINK, GREY
}

package org.openloop.crm.messaging;

/** An incoming ({@code IN}) or outgoing ({@code OUT}) call. */
public enum CallDirection {
    IN, OUT
}

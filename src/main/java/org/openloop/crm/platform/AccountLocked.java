package org.openloop.crm.platform;

import java.time.Instant;

/** An account was locked after too many failed logins (A6 records it). */
public record AccountLocked(String username, Instant lockedUntil) {
}

package org.openloop.crm.platform;

import java.util.UUID;

/** Someone exported data (A6): who, what kind of record, in which format, how many rows. */
public record DataExported(UUID userId, String entityType, String format, long rows) {
}

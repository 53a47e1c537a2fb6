package org.openloop.crm.importing;

import java.util.UUID;

/** What happened to one row of a file: its number in the file (header = 1), outcome, record and reason. */
public record ImportRowView(int rowNumber, RowOutcome outcome, UUID recordId, String message) {
}

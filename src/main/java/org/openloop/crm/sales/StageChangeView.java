package org.openloop.crm.sales;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One row of an opportunity's stage history (F3): from, to, when, by whom, and how long it stayed there. */
public record StageChangeView(UUID id, String fromStageName, String toStageName, OpportunityStatus fromStatus,
        OpportunityStatus toStatus, Instant changedAt, UUID changedBy, String changedByName, String note,
        Duration timeInStage) {
}

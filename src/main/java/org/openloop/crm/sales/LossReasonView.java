package org.openloop.crm.sales;

import java.util.UUID;

/** A reason an opportunity can be lost for, from the administrators' list (F2). */
public record LossReasonView(UUID id, String name, boolean active, int position, long version) {
}

package org.openloop.crm.customer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A change to a pool rule; empty {@code returnAfterDays} or {@code maxPerOwner} switch that part off. */
public record PoolRuleDraft(@Min(1) @Max(3650) Integer returnAfterDays,
        @NotNull @Min(0) @Max(365) Integer warnBeforeDays, @Min(1) @Max(100000) Integer maxPerOwner, Long version) {
}

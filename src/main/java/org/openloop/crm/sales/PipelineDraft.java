package org.openloop.crm.sales;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Input for a pipeline, a stage or a loss reason (F2, F3): name, order, probability (stages only), active. */
public final class PipelineDraft {

    private PipelineDraft() {
    }

    public record Pipeline(@NotBlank @Size(max = 100) String name, @Min(0) @Max(9999) Integer position,
            Boolean active, Boolean defaultPipeline, Long version) {
    }

    public record Stage(@NotBlank @Size(max = 100) String name, @Min(0) @Max(100) int probability,
            @Min(0) @Max(9999) Integer position, Boolean active, Long version) {
    }

    public record LossReason(@NotBlank @Size(max = 100) String name, @Min(0) @Max(9999) Integer position,
            Boolean active, Long version) {
    }
}

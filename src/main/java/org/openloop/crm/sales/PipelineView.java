package org.openloop.crm.sales;

import java.util.List;
import java.util.UUID;

/** A sales pipeline with its stages in order (F3). */
public record PipelineView(UUID id, String name, boolean defaultPipeline, boolean active, int position,
        long version, List<StageView> stages) {

    public record StageView(UUID id, String name, int probability, int position, boolean active, long version) {
    }
}

package org.openloop.crm.sales.web;

import java.util.List;
import java.util.UUID;

import org.openloop.crm.sales.LossReasonView;
import org.openloop.crm.sales.PipelineDraft;
import org.openloop.crm.sales.PipelineView;
import org.openloop.crm.sales.SalesSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Pipelines, stages and loss reasons over REST (F2, F3): read with opportunity:view, changed by administrators. */
@RestController
@Tag(name = "Sales settings")
class SalesSettingsApiController {

    private final SalesSettings settings;

    SalesSettingsApiController(SalesSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/api/v1/pipelines")
    @Operation(summary = "Pipelines with their stages in order")
    List<PipelineView> pipelines() {
        return settings.pipelines();
    }

    @GetMapping("/api/v1/pipelines/{id}")
    PipelineView pipeline(@PathVariable UUID id) {
        return settings.pipeline(id);
    }

    @PostMapping("/api/v1/pipelines")
    ResponseEntity<PipelineView> createPipeline(@Valid @RequestBody PipelineDraft.Pipeline draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(settings.createPipeline(draft));
    }

    @PutMapping("/api/v1/pipelines/{id}")
    PipelineView updatePipeline(@PathVariable UUID id, @Valid @RequestBody PipelineDraft.Pipeline draft) {
        return settings.updatePipeline(id, draft);
    }

    @PostMapping("/api/v1/pipelines/{id}/stages")
    ResponseEntity<PipelineView> addStage(@PathVariable UUID id, @Valid @RequestBody PipelineDraft.Stage draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(settings.addStage(id, draft));
    }

    @PutMapping("/api/v1/stages/{id}")
    @Operation(summary = "Rename, reorder, change the probability of, or (de)activate a stage")
    PipelineView updateStage(@PathVariable UUID id, @Valid @RequestBody PipelineDraft.Stage draft) {
        return settings.updateStage(id, draft);
    }

    @DeleteMapping("/api/v1/stages/{id}")
    @Operation(summary = "Delete a stage never used (a stage in use → 409: deactivate it instead)")
    ResponseEntity<Void> deleteStage(@PathVariable UUID id) {
        settings.deleteStage(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/loss-reasons")
    List<LossReasonView> lossReasons(@RequestParam(defaultValue = "false") boolean activeOnly) {
        return settings.lossReasons(activeOnly);
    }

    @PostMapping("/api/v1/loss-reasons")
    ResponseEntity<LossReasonView> createLossReason(@Valid @RequestBody PipelineDraft.LossReason draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(settings.createLossReason(draft));
    }

    @PutMapping("/api/v1/loss-reasons/{id}")
    LossReasonView updateLossReason(@PathVariable UUID id, @Valid @RequestBody PipelineDraft.LossReason draft) {
        return settings.updateLossReason(id, draft);
    }

    @DeleteMapping("/api/v1/loss-reasons/{id}")
    @Operation(summary = "Delete a loss reason never used (in use → 409: deactivate it instead)")
    ResponseEntity<Void> deleteLossReason(@PathVariable UUID id) {
        settings.deleteLossReason(id);
        return ResponseEntity.noContent().build();
    }
}

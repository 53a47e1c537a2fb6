package org.openloop.crm.sales;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openloop.crm.sales.internal.LossReason;
import org.openloop.crm.sales.internal.LossReasons;
import org.openloop.crm.sales.internal.Opportunities;
import org.openloop.crm.sales.internal.Pipeline;
import org.openloop.crm.sales.internal.Pipelines;
import org.openloop.crm.sales.internal.Stage;
import org.openloop.crm.sales.internal.StageChanges;
import org.openloop.crm.sales.internal.Stages;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.RecordNotFoundException;
import org.openloop.crm.shared.RequiresPermission;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrator-kept sales settings (F2, F3): pipelines with their stages (name, probability, order) and the loss
 * reasons. Everyone who views opportunities reads them; administrators change them (audited). A stage or loss
 * reason in use is deactivated, never deleted; exactly one pipeline is the default.
 */
@Service
public class SalesSettings {

    private static final String ADMIN = "hasAuthority('ROLE_ADMIN')";

    private final Pipelines pipelines;
    private final Stages stages;
    private final LossReasons lossReasons;
    private final Opportunities opportunities;
    private final StageChanges stageChanges;
    private final Clock clock;

    SalesSettings(Pipelines pipelines, Stages stages, LossReasons lossReasons, Opportunities opportunities,
            StageChanges stageChanges, Clock clock) {
        this.pipelines = pipelines;
        this.stages = stages;
        this.lossReasons = lossReasons;
        this.opportunities = opportunities;
        this.stageChanges = stageChanges;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = "opportunity", action = "view")
    public List<PipelineView> pipelines() {
        List<Pipeline> all = pipelines.findAllByOrderByPositionAscNameAsc();
        Map<UUID, List<Stage>> byPipeline = stages.findByPipelineIdInOrderByPositionAscNameAsc(
                all.stream().map(Pipeline::getId).toList()).stream()
                .collect(Collectors.groupingBy(Stage::getPipelineId));
        return all.stream().map(p -> view(p, byPipeline.getOrDefault(p.getId(), List.of()))).toList();
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = "opportunity", action = "view")
    public PipelineView pipeline(UUID id) {
        Pipeline pipeline = pipelines.findById(id).orElseThrow(() -> new RecordNotFoundException("pipeline", id));
        return view(pipeline, stages.findByPipelineIdOrderByPositionAscNameAsc(id));
    }

    /** The pipeline asked for, or the default one. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = "opportunity", action = "view")
    public PipelineView pipelineOrDefault(UUID id) {
        if (id != null) {
            return pipeline(id);
        }
        Pipeline pipeline = pipelines.findFirstByDefaultPipelineTrue()
                .orElseThrow(() -> new RecordNotFoundException("pipeline", "default"));
        return view(pipeline, stages.findByPipelineIdOrderByPositionAscNameAsc(pipeline.getId()));
    }

    @Transactional
    @PreAuthorize(ADMIN)
    public PipelineView createPipeline(PipelineDraft.Pipeline draft) {
        Instant now = clock.instant();
        Pipeline pipeline = new Pipeline(draft.name().trim(), position(draft.position()), now);
        pipelines.save(pipeline);
        if (Boolean.TRUE.equals(draft.defaultPipeline())) {
            makeDefault(pipeline, now);
        }
        return pipeline(pipeline.getId());
    }

    @Transactional
    @PreAuthorize(ADMIN)
    public PipelineView updatePipeline(UUID id, PipelineDraft.Pipeline draft) {
        Pipeline pipeline = pipelines.findById(id).orElseThrow(() -> new RecordNotFoundException("pipeline", id));
        VersionConflictException.check("pipeline", id, draft.version(), pipeline.getVersion(), false);
        boolean active = draft.active() == null || draft.active();
        if (!active && pipeline.isDefaultPipeline()) {
            throw BusinessRuleException.onField("active", "sales.pipeline.defaultInactive");
        }
        Instant now = clock.instant();
        pipeline.update(draft.name().trim(), active,
                draft.position() == null ? pipeline.getPosition() : draft.position(), now);
        if (Boolean.TRUE.equals(draft.defaultPipeline())) {
            if (!active) {
                throw BusinessRuleException.onField("active", "sales.pipeline.defaultInactive");
            }
            makeDefault(pipeline, now);
        }
        pipelines.flush();
        return pipeline(id);
    }

    @Transactional
    @PreAuthorize(ADMIN)
    public PipelineView addStage(UUID pipelineId, PipelineDraft.Stage draft) {
        Pipeline pipeline = pipelines.findById(pipelineId)
                .orElseThrow(() -> new RecordNotFoundException("pipeline", pipelineId));
        int position = draft.position() != null ? draft.position()
                : stages.findByPipelineIdOrderByPositionAscNameAsc(pipelineId).stream().mapToInt(Stage::getPosition)
                        .max().orElse(0) + 1;
        stages.save(new Stage(pipeline.getId(), draft.name().trim(), draft.probability(), position, clock.instant()));
        return pipeline(pipelineId);
    }

    @Transactional
    @PreAuthorize(ADMIN)
    public PipelineView updateStage(UUID stageId, PipelineDraft.Stage draft) {
        Stage stage = stages.findById(stageId).orElseThrow(() -> new RecordNotFoundException("stage", stageId));
        VersionConflictException.check("stage", stageId, draft.version(), stage.getVersion(), false);
        stage.update(draft.name().trim(), draft.probability(),
                draft.position() == null ? stage.getPosition() : draft.position(),
                draft.active() == null || draft.active(), clock.instant());
        stages.flush();
        return pipeline(stage.getPipelineId());
    }

    /** Deletes a stage nothing ever used; a stage in use is refused (409) and can only be deactivated. */
    @Transactional
    @PreAuthorize(ADMIN)
    public void deleteStage(UUID stageId) {
        Stage stage = stages.findById(stageId).orElseThrow(() -> new RecordNotFoundException("stage", stageId));
        if (opportunities.existsByStageId(stageId) || stageChanges.existsByToStageIdOrFromStageId(stageId, stageId)) {
            throw BusinessRuleException.conflict(null, "sales.stage.inUse", stage.getName());
        }
        stages.delete(stage);
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = "opportunity", action = "view")
    public List<LossReasonView> lossReasons(boolean activeOnly) {
        return lossReasons.findAllByOrderByPositionAscNameAsc().stream().filter(r -> !activeOnly || r.isActive())
                .map(SalesSettings::view).toList();
    }

    @Transactional
    @PreAuthorize(ADMIN)
    public LossReasonView createLossReason(PipelineDraft.LossReason draft) {
        String name = draft.name().trim();
        if (lossReasons.findByName(name).isPresent()) {
            throw BusinessRuleException.onField("name", "sales.lossReason.duplicate");
        }
        LossReason reason = new LossReason(name, position(draft.position()), clock.instant());
        lossReasons.save(reason);
        return view(reason);
    }

    @Transactional
    @PreAuthorize(ADMIN)
    public LossReasonView updateLossReason(UUID id, PipelineDraft.LossReason draft) {
        LossReason reason = lossReasons.findById(id).orElseThrow(() -> new RecordNotFoundException("lossReason", id));
        VersionConflictException.check("lossReason", id, draft.version(), reason.getVersion(), false);
        String name = draft.name().trim();
        lossReasons.findByName(name).filter(other -> !other.getId().equals(id)).ifPresent(other -> {
            throw BusinessRuleException.onField("name", "sales.lossReason.duplicate");
        });
        reason.update(name, draft.active() == null || draft.active(),
                draft.position() == null ? reason.getPosition() : draft.position(), clock.instant());
        lossReasons.flush();
        return view(reason);
    }

    /** Deletes a loss reason no opportunity uses; one in use is refused (409) and can only be deactivated. */
    @Transactional
    @PreAuthorize(ADMIN)
    public void deleteLossReason(UUID id) {
        LossReason reason = lossReasons.findById(id).orElseThrow(() -> new RecordNotFoundException("lossReason", id));
        if (opportunities.existsByLossReasonId(id)) {
            throw BusinessRuleException.conflict(null, "sales.lossReason.inUse", reason.getName());
        }
        lossReasons.delete(reason);
    }

    private void makeDefault(Pipeline pipeline, Instant now) {
        pipelines.findAll().forEach(p -> {
            if (p.isDefaultPipeline() && !p.getId().equals(pipeline.getId())) {
                p.makeDefault(false, now);
            }
        });
        pipeline.makeDefault(true, now);
    }

    private int position(Integer requested) {
        return requested == null ? 0 : requested;
    }

    private static PipelineView view(Pipeline p, List<Stage> stages) {
        return new PipelineView(p.getId(), p.getName(), p.isDefaultPipeline(), p.isActive(), p.getPosition(),
                p.getVersion(), stages.stream().map(s -> new PipelineView.StageView(s.getId(), s.getName(),
                        s.getProbability(), s.getPosition(), s.isActive(), s.getVersion())).toList());
    }

    private static LossReasonView view(LossReason r) {
        return new LossReasonView(r.getId(), r.getName(), r.isActive(), r.getPosition(), r.getVersion());
    }
}

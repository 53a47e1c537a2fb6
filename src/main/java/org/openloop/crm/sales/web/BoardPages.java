package org.openloop.crm.sales.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.sales.OpportunityAction;
import org.openloop.crm.sales.OpportunityManagement;
import org.openloop.crm.sales.OpportunityView;
import org.openloop.crm.sales.PipelineView;
import org.openloop.crm.sales.SalesSettings;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The pipeline board (F3): a column per active stage with the open opportunities, their total and weighted total,
 * plus Won and Lost drop zones. A drop posts the target and the version the card showed to {@code move}, which
 * calls the same facade as the form and the API (stale version → 409, refused step → 409/422 with the message).
 */
@Controller
class BoardPages {

    /** One column of the board. */
    record Column(PipelineView.StageView stage, List<OpportunityView> cards, BigDecimal total, BigDecimal weighted) {
    }

    private final OpportunityManagement opportunities;
    private final SalesSettings settings;
    private final OrganizationManagement organization;
    private final MessageSource messages;

    BoardPages(OpportunityManagement opportunities, SalesSettings settings, OrganizationManagement organization,
            MessageSource messages) {
        this.opportunities = opportunities;
        this.settings = settings;
        this.organization = organization;
        this.messages = messages;
    }

    @GetMapping("/opportunities/board")
    String board(@RequestParam(required = false) UUID pipelineId, @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) UUID departmentId, @RequestParam(required = false) String closeMonth,
            Model model) {
        PipelineView pipeline = settings.pipelineOrDefault(pipelineId);
        List<OpportunityView> open = opportunities.board(pipeline.id(), ownerId, departmentId, closeMonth);
        Map<UUID, List<OpportunityView>> byStage = open.stream()
                .collect(Collectors.groupingBy(OpportunityView::stageId, LinkedHashMap::new, Collectors.toList()));
        List<Column> columns = pipeline.stages().stream()
                .filter(s -> s.active() || byStage.containsKey(s.id()))
                .map(s -> {
                    List<OpportunityView> cards = byStage.getOrDefault(s.id(), List.of());
                    return new Column(s, cards,
                            cards.stream().map(OpportunityView::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                            cards.stream().map(OpportunityView::weightedAmount).reduce(BigDecimal.ZERO,
                                    BigDecimal::add));
                }).toList();
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("columns", columns);
        model.addAttribute("total", columns.stream().map(Column::total).reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("weighted", columns.stream().map(Column::weighted).reduce(BigDecimal.ZERO,
                BigDecimal::add));
        model.addAttribute("pipelines", settings.pipelines().stream().filter(PipelineView::active)
                .map(p -> new OpportunityPages.Option(p.id().toString(), p.name())).toList());
        model.addAttribute("owners", organization.activeUsers().stream()
                .map(u -> new OpportunityPages.Option(u.id().toString(), u.displayName())).toList());
        model.addAttribute("departments", organization.departmentTree().stream()
                .map(d -> new OpportunityPages.Option(d.id().toString(), "— ".repeat(d.depth()) + d.name())).toList());
        model.addAttribute("lossReasons", settings.lossReasons(true));
        model.addAttribute("ownerId", ownerId);
        model.addAttribute("departmentId", departmentId);
        model.addAttribute("closeMonth", closeMonth);
        return "sales/board";
    }

    // a card dropped on a stage column (target: the stage id) or on the Won / Lost zones (target WON or LOST)
    @PostMapping(value = "/opportunities/board/move", produces = MediaType.TEXT_PLAIN_VALUE)
    @ResponseBody
    ResponseEntity<String> move(@RequestParam UUID id, @RequestParam String target, @RequestParam Long version,
            @RequestParam(required = false) UUID lossReasonId, @RequestParam(required = false) String note) {
        try {
            OpportunityView moved = switch (target) {
                case "WON" -> opportunities.act(id, OpportunityAction.WIN, null, null, version, false);
                case "LOST" -> opportunities.act(id, OpportunityAction.LOSE, lossReasonId, note, version, false);
                default -> opportunities.moveToStage(id, stage(target), version);
            };
            return ResponseEntity.ok(message("opportunity.board.moved", moved.number(),
                    moved.status() == org.openloop.crm.sales.OpportunityStatus.OPEN ? moved.stageName()
                            : message("opportunity.status." + moved.status())));
        }
        catch (VersionConflictException | ObjectOptimisticLockingFailureException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(message("opportunity.conflict"));
        }
        catch (BusinessRuleException e) {
            return ResponseEntity.status(e.conflict() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT)
                    .body(message(e.messageKey(), e.arguments()));
        }
    }

    private static UUID stage(String target) {
        try {
            return UUID.fromString(target);
        }
        catch (IllegalArgumentException e) {
            throw BusinessRuleException.onField("stageId", "opportunity.stage.unknown");
        }
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

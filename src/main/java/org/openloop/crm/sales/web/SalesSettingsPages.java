package org.openloop.crm.sales.web;

import java.util.UUID;

import org.openloop.crm.sales.PipelineDraft;
import org.openloop.crm.sales.SalesSettings;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators' pages for pipelines, stages (F3) and loss reasons (F2). */
@Controller
@PreAuthorize("hasAuthority('ROLE_ADMIN')")
class SalesSettingsPages {

    private final SalesSettings settings;
    private final MessageSource messages;

    SalesSettingsPages(SalesSettings settings, MessageSource messages) {
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping("/settings/pipelines")
    String pipelines(Model model) {
        model.addAttribute("pipelines", settings.pipelines());
        return "sales/pipelines";
    }

    @PostMapping("/settings/pipelines")
    String createPipeline(@RequestParam String name, RedirectAttributes redirect) {
        return run("/settings/pipelines", redirect, () -> settings.createPipeline(
                new PipelineDraft.Pipeline(required(name), null, true, false, null)));
    }

    @PostMapping("/settings/pipelines/{id}")
    String updatePipeline(@PathVariable UUID id, @RequestParam String name,
            @RequestParam(required = false) Integer position, @RequestParam(defaultValue = "false") boolean active,
            @RequestParam(defaultValue = "false") boolean defaultPipeline, @RequestParam Long version,
            RedirectAttributes redirect) {
        return run("/settings/pipelines", redirect, () -> settings.updatePipeline(id,
                new PipelineDraft.Pipeline(required(name), position, active, defaultPipeline, version)));
    }

    @PostMapping("/settings/pipelines/{id}/stages")
    String addStage(@PathVariable UUID id, @RequestParam String name, @RequestParam int probability,
            RedirectAttributes redirect) {
        return run("/settings/pipelines", redirect, () -> settings.addStage(id,
                new PipelineDraft.Stage(required(name), probability(probability), null, true, null)));
    }

    @PostMapping("/settings/stages/{id}")
    String updateStage(@PathVariable UUID id, @RequestParam String name, @RequestParam int probability,
            @RequestParam(required = false) Integer position, @RequestParam(defaultValue = "false") boolean active,
            @RequestParam Long version, RedirectAttributes redirect) {
        return run("/settings/pipelines", redirect, () -> settings.updateStage(id,
                new PipelineDraft.Stage(required(name), probability(probability), position, active, version)));
    }

    @PostMapping("/settings/stages/{id}/delete")
    String deleteStage(@PathVariable UUID id, RedirectAttributes redirect) {
        return run("/settings/pipelines", redirect, () -> settings.deleteStage(id));
    }

    @GetMapping("/settings/loss-reasons")
    String lossReasons(Model model) {
        model.addAttribute("reasons", settings.lossReasons(false));
        return "sales/loss-reasons";
    }

    @PostMapping("/settings/loss-reasons")
    String createLossReason(@RequestParam String name, RedirectAttributes redirect) {
        return run("/settings/loss-reasons", redirect, () -> settings.createLossReason(
                new PipelineDraft.LossReason(required(name), null, true, null)));
    }

    @PostMapping("/settings/loss-reasons/{id}")
    String updateLossReason(@PathVariable UUID id, @RequestParam String name,
            @RequestParam(required = false) Integer position, @RequestParam(defaultValue = "false") boolean active,
            @RequestParam Long version, RedirectAttributes redirect) {
        return run("/settings/loss-reasons", redirect, () -> settings.updateLossReason(id,
                new PipelineDraft.LossReason(required(name), position, active, version)));
    }

    @PostMapping("/settings/loss-reasons/{id}/delete")
    String deleteLossReason(@PathVariable UUID id, RedirectAttributes redirect) {
        return run("/settings/loss-reasons", redirect, () -> settings.deleteLossReason(id));
    }

    private static String required(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw BusinessRuleException.onField("name", "sales.settings.name.invalid");
        }
        return name;
    }

    private static int probability(int probability) {
        if (probability < 0 || probability > 100) {
            throw BusinessRuleException.onField("probability", "sales.settings.probability.invalid");
        }
        return probability;
    }

    private String run(String back, RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("flashSuccess", message("sales.settings.saved"));
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        catch (VersionConflictException | ObjectOptimisticLockingFailureException e) {
            redirect.addFlashAttribute("flashError", message("opportunity.conflict"));
        }
        return "redirect:" + back;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

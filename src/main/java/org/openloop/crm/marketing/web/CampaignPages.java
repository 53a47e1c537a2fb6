package org.openloop.crm.marketing.web;

import java.io.IOException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.customer.CustomerLevel;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.customer.CustomerSource;
import org.openloop.crm.customer.CustomerTags;
import org.openloop.crm.customer.CustomerType;
import org.openloop.crm.marketing.CampaignAction;
import org.openloop.crm.marketing.CampaignManagement;
import org.openloop.crm.marketing.CampaignStatus;
import org.openloop.crm.marketing.CampaignType;
import org.openloop.crm.marketing.CampaignView;
import org.openloop.crm.marketing.MemberStatus;
import org.openloop.crm.marketing.SegmentResult;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.platform.web.FormErrors;
import org.openloop.crm.platform.web.ListLinks;
import org.openloop.crm.platform.web.Permissions;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.InvalidInputException;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/** Campaign pages (J1, J2): list with filters and export, forms, detail with figures, members, leads and history. */
@Controller
class CampaignPages {

    /** One option of a select. */
    record Option(String value, String label) {
    }

    private final CampaignManagement campaigns;
    private final CustomerManagement customers;
    private final CustomerTags tags;
    private final MessageSource messages;
    private final ZoneId zone;

    CampaignPages(CampaignManagement campaigns, CustomerManagement customers, CustomerTags tags,
            MessageSource messages, @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.campaigns = campaigns;
        this.customers = customers;
        this.tags = tags;
        this.messages = messages;
        this.zone = zone;
    }

    @GetMapping("/campaigns")
    String list(@RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request,
            Model model) {
        model.addAttribute("page", campaigns.campaigns(ListRequest.from(ListLinks.parameters(request))));
        model.addAttribute("links", ListLinks.of(request));
        if (htmx != null) {
            return "marketing/campaigns :: rows";
        }
        model.addAttribute("statuses", options(CampaignStatus.values(), "marketing.status."));
        model.addAttribute("types", options(CampaignType.values(), "marketing.type."));
        return "marketing/campaigns";
    }

    @GetMapping("/campaigns/export")
    void export(@RequestParam(defaultValue = "xlsx") String format, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        List<String> headers = CampaignApiController.EXPORT_HEADERS.stream()
                .map(h -> message("marketing.field." + h)).toList();
        campaigns.export(ListRequest.from(ListLinks.parameters(request)), Exports.Format.of(format), headers,
                c -> Arrays.asList(c.name(), message("marketing.type." + c.type()),
                        message("marketing.status." + c.status()), c.startDate(), c.endDate(), c.budget(),
                        c.actualCost(), c.expectedRevenue(), c.currency(), c.ownerName(), c.createdAt()),
                zone, response);
    }

    @GetMapping("/campaigns/new")
    String newForm(Model model) {
        Permissions.require("campaign", "create");
        return form(new CampaignForm(), null, model);
    }

    @PostMapping("/campaigns/new")
    String create(@Valid @ModelAttribute("form") CampaignForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return FormErrors.save(result, () -> {
            CampaignView created = campaigns.create(form.draft());
            redirect.addFlashAttribute("flashSuccess", message("marketing.created", created.name()));
            return "redirect:/campaigns/" + created.id();
        }, () -> form(form, null, model));
    }

    @GetMapping("/campaigns/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        CampaignView campaign = campaigns.campaign(id);
        Permissions.require("campaign", "edit");
        return form(CampaignForm.of(campaign), campaign, model);
    }

    @PostMapping("/campaigns/{id}/edit")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") CampaignForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        CampaignView campaign = campaigns.campaign(id);
        return FormErrors.save(result, () -> {
            campaigns.update(id, form.draft(), false);
            redirect.addFlashAttribute("flashSuccess", message("marketing.saved"));
            return "redirect:/campaigns/" + id;
        }, () -> form(form, campaign, model));
    }

    private String form(CampaignForm form, CampaignView campaign, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("campaign", campaign);
        model.addAttribute("types", options(CampaignType.values(), "marketing.type."));
        model.addAttribute("customerTypes", options(CustomerType.values(), "customer.type."));
        model.addAttribute("customerLevels", options(CustomerLevel.values(), "customer.level."));
        model.addAttribute("customerSources", options(CustomerSource.values(), "customer.source."));
        model.addAttribute("tagOptions", tags.tags().stream().map(t -> new Option(t.id().toString(), t.name()))
                .toList());
        model.addAttribute("tagMatches", List.of(new Option("any", message("marketing.segment.tagMatch.any")),
                new Option("all", message("marketing.segment.tagMatch.all"))));
        return "marketing/campaign-form";
    }

    @GetMapping("/campaigns/{id}")
    String detail(@PathVariable UUID id, @RequestParam(required = false) String tab, Model model) {
        CampaignView campaign = campaigns.campaign(id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("figures", campaigns.figures(id));
        model.addAttribute("tab", tab == null ? "overview" : tab);
        model.addAttribute("segmentText", segmentText(campaign.segment()));
        return "marketing/campaign";
    }

    @GetMapping("/campaigns/{id}/members")
    String members(@PathVariable UUID id, @RequestParam Map<String, String> parameters, HttpServletRequest request,
            Model model) {
        CampaignView campaign = campaigns.campaign(id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("page", campaigns.members(id, ListRequest.from(parameters)));
        model.addAttribute("links", ListLinks.of(request));
        model.addAttribute("memberStatuses", options(MemberStatus.values(), "marketing.member.status."));
        if (parameters.containsKey("cursor")) {
            return "marketing/members :: rows";
        }
        model.addAttribute("customerOptions", customerOptions());
        return "marketing/members :: panel";
    }

    @PostMapping("/campaigns/{id}/members")
    String addMember(@PathVariable UUID id, @RequestParam(required = false) UUID customerId,
            RedirectAttributes redirect) {
        return run(id, "members", redirect, () -> message("marketing.member.added",
                campaigns.addMember(id, customerId, null).customerName()));
    }

    @PostMapping("/campaigns/{id}/members/segment")
    String addSegment(@PathVariable UUID id, RedirectAttributes redirect) {
        return run(id, "members", redirect, () -> {
            SegmentResult result = campaigns.addSegmentMembers(id);
            return message(result.truncated() ? "marketing.segment.addedTruncated" : "marketing.segment.added",
                    result.added(), result.alreadyMembers(), CampaignManagement.SEGMENT_BOUND);
        });
    }

    @PostMapping("/campaigns/{id}/members/status")
    String bulkStatus(@PathVariable UUID id, @RequestParam(required = false) List<UUID> memberIds,
            @RequestParam(required = false) MemberStatus status, RedirectAttributes redirect) {
        return run(id, "members", redirect, () -> message("marketing.member.bulkChanged",
                campaigns.bulkStatus(id, memberIds, status)));
    }

    @PostMapping("/campaigns/{id}/members/{memberId}")
    String respond(@PathVariable UUID id, @PathVariable UUID memberId,
            @RequestParam(required = false) MemberStatus status, @RequestParam(required = false) String responseNote,
            @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return run(id, "members", redirect, () -> message("marketing.member.responded",
                campaigns.respond(id, memberId, status, responseNote, version).customerName()));
    }

    @PostMapping("/campaigns/{id}/members/{memberId}/remove")
    String removeMember(@PathVariable UUID id, @PathVariable UUID memberId, RedirectAttributes redirect) {
        return run(id, "members", redirect, () -> {
            campaigns.removeMember(id, memberId);
            return message("marketing.member.removed");
        });
    }

    @GetMapping("/campaigns/{id}/leads")
    String leads(@PathVariable UUID id, @RequestParam Map<String, String> parameters, HttpServletRequest request,
            Model model) {
        CampaignView campaign = campaigns.campaign(id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("page", campaigns.leads(id, ListRequest.from(parameters)));
        model.addAttribute("links", ListLinks.of(request));
        if (parameters.containsKey("cursor")) {
            return "marketing/leads :: rows";
        }
        model.addAttribute("customerOptions", customerOptions());
        return "marketing/leads :: panel";
    }

    @PostMapping("/campaigns/{id}/leads")
    String linkLead(@PathVariable UUID id, @RequestParam(required = false) UUID customerId,
            RedirectAttributes redirect) {
        return run(id, "leads", redirect, () -> message("marketing.lead.linked",
                campaigns.linkLead(id, customerId).customerName()));
    }

    @GetMapping("/campaigns/{id}/opportunities")
    String opportunities(@PathVariable UUID id, @RequestParam Map<String, String> parameters,
            HttpServletRequest request, Model model) {
        model.addAttribute("page", campaigns.opportunities(id, ListRequest.from(parameters)));
        model.addAttribute("links", ListLinks.of(request));
        return parameters.containsKey("cursor") ? "marketing/opportunities :: rows" : "marketing/opportunities :: panel";
    }

    @GetMapping("/campaigns/{id}/history")
    String history(@PathVariable UUID id, @RequestParam Map<String, String> parameters, HttpServletRequest request,
            Model model) {
        model.addAttribute("history", campaigns.history(id, ListRequest.from(parameters)));
        model.addAttribute("links", ListLinks.of(request));
        return parameters.containsKey("cursor") ? "audit/history :: rows" : "audit/history :: history";
    }

    @PostMapping("/campaigns/{id}/{step:start|complete|cancel}")
    String step(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        CampaignAction action = CampaignAction.valueOf(step.toUpperCase(java.util.Locale.ROOT));
        return run(id, null, redirect, () -> message("marketing.moved",
                message("marketing.status." + campaigns.act(id, action, version, false).status())));
    }

    @PostMapping("/campaigns/{id}/form")
    String switchForm(@PathVariable UUID id, @RequestParam boolean enabled,
            @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return run(id, null, redirect, () -> message(campaigns.switchForm(id, enabled, version, false).formEnabled()
                ? "marketing.form.enabled" : "marketing.form.disabled"));
    }

    @PostMapping("/campaigns/{id}/form/token")
    String regenerate(@PathVariable UUID id, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        return run(id, null, redirect, () -> {
            campaigns.regenerateFormToken(id, version, false);
            return message("marketing.form.regenerated");
        });
    }

    private List<Option> customerOptions() {
        return customers.customers(ListRequest.from(Map.of("size", "100", "sort", "name"))).items().stream()
                .map(c -> new Option(c.id().toString(), c.number() + " " + c.name())).toList();
    }

    private String segmentText(Map<String, String> segment) {
        if (segment.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        segment.forEach((key, value) -> {
            if ("tagMatch".equals(key)) {
                return;
            }
            if (text.length() > 0) {
                text.append(" · ");
            }
            String shown = switch (key) {
                case "type" -> message("customer.type." + value);
                case "level" -> message("customer.level." + value);
                case "source" -> message("customer.source." + value);
                case "tags" -> {
                    Map<String, String> names = new java.util.HashMap<>();
                    tags.tags().forEach(t -> names.put(t.id().toString(), t.name()));
                    yield String.join(segment.getOrDefault("tagMatch", "any").equals("all") ? " + " : " / ",
                            Arrays.stream(value.split(",")).map(v -> names.getOrDefault(v.trim(), "?")).toList());
                }
                default -> value;
            };
            text.append(message("marketing.segment." + key)).append(": ").append(shown);
        });
        return text.toString();
    }

    private String run(UUID id, String tab, RedirectAttributes redirect, java.util.function.Supplier<String> change) {
        try {
            redirect.addFlashAttribute("flashSuccess", change.get());
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.problems().stream()
                    .map(p -> message(p.messageKey(), p.arguments().toArray())).reduce((a, b) -> a + " " + b)
                    .orElse(""));
        }
        catch (VersionConflictException | ObjectOptimisticLockingFailureException e) {
            redirect.addFlashAttribute("flashError", message("marketing.conflict"));
        }
        return "redirect:/campaigns/" + id + (tab == null ? "" : "?tab=" + tab);
    }

    private List<Option> options(Enum<?>[] values, String prefix) {
        return Arrays.stream(values).map(v -> new Option(v.name(), message(prefix + v.name()))).toList();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

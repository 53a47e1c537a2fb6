package org.openloop.crm.contract.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.contract.ContractKind;
import org.openloop.crm.contract.ContractManagement;
import org.openloop.crm.contract.ContractStatus;
import org.openloop.crm.contract.ContractView;
import org.openloop.crm.contract.DeliveryStatus;
import org.openloop.crm.contract.PaymentManagement;
import org.openloop.crm.contract.PaymentMethod;
import org.openloop.crm.contract.PaymentPlanView;
import org.openloop.crm.contract.PaymentView;
import org.openloop.crm.contract.QuotePreview;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.platform.web.FormErrors;
import org.openloop.crm.platform.web.ListLinks;
import org.openloop.crm.platform.web.Permissions;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Contract pages (F6, F7, B10): list with filters and export, the new-contract form opened from an accepted quote,
 * detail with lines, instalments, payments, files, comments and history, edit, delivery, transfer, the payments page
 * and the customer page's transactions tab.
 */
@Controller
class ContractPages {

    /** One option of a select. */
    record Option(String value, String label) {
    }

    private final ContractManagement contracts;
    private final PaymentManagement payments;
    private final OrganizationManagement organization;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    ContractPages(ContractManagement contracts, PaymentManagement payments, OrganizationManagement organization,
            MessageSource messages, Clock clock, @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.contracts = contracts;
        this.payments = payments;
        this.organization = organization;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/contracts")
    String list(@RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request,
            Model model) {
        CursorPage<ContractView> page = contracts.contracts(ListRequest.from(ListLinks.parameters(request)));
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of(request));
        if (htmx != null) {
            return "contract/contracts :: rows";
        }
        model.addAttribute("statuses", options(ContractStatus.values(), "contract.status."));
        model.addAttribute("deliveries", options(DeliveryStatus.values(), "contract.delivery."));
        return "contract/contracts";
    }

    @GetMapping("/contracts/export")
    void export(@RequestParam(defaultValue = "xlsx") String format, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        contracts.export(ListRequest.from(ListLinks.parameters(request)), Exports.Format.of(format),
                ContractApiController.EXPORT_HEADERS, ContractApiController::exportRow, zone, response);
    }

    /** The customer page's "Transactions" tab (B10). */
    @GetMapping("/contracts/transactions")
    String transactions(@RequestParam UUID customerId, Model model) {
        model.addAttribute("history", contracts.transactions(customerId));
        return "contract/transactions :: panel";
    }

    @GetMapping("/contracts/new")
    String createForm(@RequestParam UUID quoteId, Model model) {
        Permissions.require("contract", "create");
        ContractForm form = new ContractForm();
        form.setQuoteId(quoteId);
        form.setSigningDate(LocalDate.now(clock.withZone(zone)));
        QuotePreview preview = contracts.preview(quoteId);
        form.setTitle(preview.customerName() == null ? preview.quoteNumber()
                : preview.customerName() + " " + preview.quoteNumber());
        return form(form, preview, null, model);
    }

    @PostMapping("/contracts/new")
    String create(@Validated @ModelAttribute("form") ContractForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Permissions.require("contract", "create");
        if (form.getQuoteId() == null) {
            throw new BusinessRuleException("contract.quote.required");
        }
        QuotePreview preview = contracts.preview(form.getQuoteId());
        return FormErrors.save(result, () -> {
            ContractView created = contracts.create(form.toDraft());
            redirect.addFlashAttribute("flashSuccess", message("contract.saved"));
            return "redirect:/contracts/" + created.id();
        }, () -> form(form, preview, null, model));
    }

    @GetMapping("/contracts/{id}")
    String detail(@PathVariable UUID id, Model model) {
        return detailPage(id, model, null, null);
    }

    @GetMapping("/contracts/{id}/history")
    String history(@PathVariable UUID id, @RequestParam Map<String, String> parameters, HttpServletRequest request,
            Model model) {
        model.addAttribute("history", contracts.history(id, ListRequest.from(parameters)));
        model.addAttribute("links", ListLinks.of(request));
        return parameters.containsKey("cursor") ? "audit/history :: rows" : "audit/history :: history";
    }

    @GetMapping("/contracts/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        Permissions.require("contract", "edit");
        ContractView view = contracts.contract(id);
        return form(ContractForm.of(view), null, view, model);
    }

    @PostMapping("/contracts/{id}/edit")
    String update(@PathVariable UUID id, @Validated @ModelAttribute("form") ContractForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Permissions.require("contract", "edit");
        ContractView view = contracts.contract(id);
        return FormErrors.save(result, () -> {
            contracts.update(id, form.toChanges(), false);
            redirect.addFlashAttribute("flashSuccess", message("contract.saved"));
            return "redirect:/contracts/" + id;
        }, () -> form(form, null, view, model));
    }

    @PostMapping("/contracts/{id}/delivery")
    String deliver(@PathVariable UUID id, @RequestParam DeliveryStatus deliveryStatus,
            @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        try {
            contracts.deliver(id, deliveryStatus, version, false);
            redirect.addFlashAttribute("flashSuccess", message("contract.delivery.saved"));
        }
        catch (VersionConflictException | ObjectOptimisticLockingFailureException e) {
            redirect.addFlashAttribute("flashError", message("problem.versionConflict"));
        }
        return "redirect:/contracts/" + id;
    }

    /** Transfers the contract (A5); a refusal is shown next to the user picker on the page, in the user's language. */
    @PostMapping("/contracts/{id}/transfer")
    String transfer(@PathVariable UUID id, @ModelAttribute("transferForm") TransferForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return FormErrors.save(result, () -> {
            ContractView view = contracts.transfer(id, form.getAssigneeId());
            redirect.addFlashAttribute("flashSuccess", message("contract.transferred", view.number(),
                    view.ownerName()));
            return "redirect:/contracts/" + id;
        }, () -> {
            model.addAttribute("transferOpen", true);
            return detailPage(id, model, null, null);
        });
    }

    @PostMapping("/contracts/{id}/plans")
    String addPlan(@PathVariable UUID id, @Validated @ModelAttribute("planForm") PlanForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return FormErrors.save(result, () -> {
            payments.addPlan(id, form.toDraft());
            redirect.addFlashAttribute("flashSuccess", message("paymentPlan.saved"));
            return "redirect:/contracts/" + id + "#payments";
        }, () -> detailPage(id, model, form, null));
    }

    @GetMapping("/contracts/{id}/plans/{planId}/edit")
    String editPlanForm(@PathVariable UUID id, @PathVariable UUID planId, Model model) {
        Permissions.require("contract", "edit");
        PaymentPlanView plan = payments.plan(id, planId);
        return planForm(id, planId, PlanForm.of(plan), model);
    }

    /** Saves an instalment through the same rules as the API: plan total, version, scope, settlement, audit. */
    @PostMapping("/contracts/{id}/plans/{planId}/edit")
    String changePlan(@PathVariable UUID id, @PathVariable UUID planId,
            @Validated @ModelAttribute("planForm") PlanForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Permissions.require("contract", "edit");
        payments.plan(id, planId);
        return FormErrors.save(result, () -> {
            payments.changePlan(id, planId, form.toDraft(), false);
            redirect.addFlashAttribute("flashSuccess", message("paymentPlan.changed"));
            return "redirect:/contracts/" + id + "#payments";
        }, () -> planForm(id, planId, form, model));
    }

    @PostMapping("/contracts/{id}/plans/{planId}/delete")
    String deletePlan(@PathVariable UUID id, @PathVariable UUID planId, RedirectAttributes redirect) {
        payments.deletePlan(id, planId);
        redirect.addFlashAttribute("flashSuccess", message("paymentPlan.deleted"));
        return "redirect:/contracts/" + id + "#payments";
    }

    @PostMapping("/contracts/{id}/payments")
    String record(@PathVariable UUID id, @Validated @ModelAttribute("paymentForm") PaymentForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return FormErrors.save(result, () -> {
            payments.record(id, form.toDraft());
            redirect.addFlashAttribute("flashSuccess", message("payment.saved"));
            return "redirect:/contracts/" + id + "#payments";
        }, () -> detailPage(id, model, null, form));
    }

    @GetMapping("/payments/{paymentId}/edit")
    String editPaymentForm(@PathVariable UUID paymentId, Model model) {
        Permissions.require("contract", "edit");
        PaymentView payment = payments.payment(paymentId);
        return paymentForm(payment, PaymentForm.of(payment), model);
    }

    /** Corrects a payment through the same rules as the API: balance, instalment, version, scope, audit. */
    @PostMapping("/payments/{paymentId}/edit")
    String correctPayment(@PathVariable UUID paymentId, @Validated @ModelAttribute("paymentForm") PaymentForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Permissions.require("contract", "edit");
        PaymentView payment = payments.payment(paymentId);
        return FormErrors.save(result, () -> {
            payments.correct(paymentId, form.toDraft(), false);
            redirect.addFlashAttribute("flashSuccess", message("payment.changed"));
            return "redirect:/contracts/" + payment.contractId() + "#payments";
        }, () -> paymentForm(payment, form, model));
    }

    @PostMapping("/payments/{paymentId}/delete")
    String deletePayment(@PathVariable UUID paymentId, RedirectAttributes redirect) {
        PaymentView payment = payments.payment(paymentId);
        payments.delete(paymentId);
        redirect.addFlashAttribute("flashSuccess", message("payment.deleted"));
        return "redirect:/contracts/" + payment.contractId() + "#payments";
    }

    /**
     * Payments across the contracts the user sees (F7), one keyset list per view: instalments not yet paid
     * (default), overdue instalments ({@code view=overdue}) or money received ({@code view=received}).
     */
    @GetMapping("/payments")
    String paymentsPage(@RequestParam(defaultValue = "open") String view,
            @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request,
            Model model) {
        Map<String, String> parameters = new java.util.HashMap<>(ListLinks.parameters(request));
        parameters.remove("view");
        String shown = switch (view) {
            case "overdue", "received" -> view;
            default -> "open";
        };
        if (shown.equals("received")) {
            model.addAttribute("page", payments.payments(ListRequest.from(parameters)));
        }
        else {
            parameters.put(shown.equals("overdue") ? "overdue" : "covered", shown.equals("overdue") ? "true" : "false");
            model.addAttribute("page", payments.plans(ListRequest.from(parameters)));
        }
        model.addAttribute("view", shown);
        model.addAttribute("links", ListLinks.of(request));
        if (htmx != null) {
            return shown.equals("received") ? "contract/payments :: receivedRows" : "contract/payments :: planRows";
        }
        return "contract/payments";
    }

    private String detailPage(UUID id, Model model, PlanForm planForm, PaymentForm paymentForm) {
        ContractView contract = contracts.contract(id);
        List<PaymentPlanView> plans = payments.plansOf(id);
        model.addAttribute("contract", contract);
        model.addAttribute("plans", plans);
        model.addAttribute("payments", payments.paymentsOf(id));
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (!model.containsAttribute("planForm")) {
            model.addAttribute("planForm", planForm == null ? new PlanForm() : planForm);
        }
        if (!model.containsAttribute("paymentForm")) {
            model.addAttribute("paymentForm", paymentForm == null ? PaymentForm.today(today) : paymentForm);
        }
        if (!model.containsAttribute("transferForm")) {
            model.addAttribute("transferForm", new TransferForm());
        }
        if (Permissions.has("contract", "assign")) {
            model.addAttribute("assignees", organization.activeUsers().stream()
                    .map(u -> new Option(u.id().toString(), u.choiceLabel())).toList());
        }
        model.addAttribute("openTab", planForm != null || paymentForm != null ? "payments" : null);
        model.addAttribute("methods", options(PaymentMethod.values(), "payment.method."));
        model.addAttribute("deliveries", options(DeliveryStatus.values(), "contract.delivery."));
        model.addAttribute("planOptions", planOptions(plans));
        return "contract/contract";
    }

    private String planForm(UUID contractId, UUID planId, PlanForm form, Model model) {
        model.addAttribute("contract", contracts.contract(contractId));
        model.addAttribute("planId", planId);
        model.addAttribute("planForm", form);
        return "contract/plan-form";
    }

    private String paymentForm(PaymentView payment, PaymentForm form, Model model) {
        model.addAttribute("contract", contracts.contract(payment.contractId()));
        model.addAttribute("paymentId", payment.id());
        model.addAttribute("paymentForm", form);
        model.addAttribute("methods", options(PaymentMethod.values(), "payment.method."));
        model.addAttribute("planOptions", planOptions(payments.plansOf(payment.contractId())));
        return "contract/payment-form";
    }

    private static List<Option> planOptions(List<PaymentPlanView> plans) {
        return plans.stream()
                .map(p -> new Option(p.id().toString(), p.dueDate() + (p.note() == null ? "" : " " + p.note())))
                .toList();
    }

    private String form(ContractForm form, QuotePreview preview, ContractView existing, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("preview", preview);
        model.addAttribute("contract", existing);
        model.addAttribute("kinds", options(ContractKind.values(), "contract.kind."));
        model.addAttribute("deliveries", options(DeliveryStatus.values(), "contract.delivery."));
        return "contract/contract-form";
    }

    private List<Option> options(Enum<?>[] values, String prefix) {
        return Arrays.stream(values).map(v -> new Option(v.name(), message(prefix + v.name()))).toList();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

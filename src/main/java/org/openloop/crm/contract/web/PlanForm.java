package org.openloop.crm.contract.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.openloop.crm.contract.PaymentPlanDraft;
import org.openloop.crm.contract.PaymentPlanView;
import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The "add instalment" form of a contract page and the instalment's edit form; its field names differ from the
 * payment form's, which shares the contract page (one id per field). {@code version} only when editing.
 */
public class PlanForm {

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dueDate;
    @NotNull
    @Positive
    @Digits(integer = 16, fraction = 2)
    private BigDecimal planAmount;
    @Size(max = 500)
    private String planNote;
    private Long version;

    static PlanForm of(PaymentPlanView view) {
        PlanForm form = new PlanForm();
        form.dueDate = view.dueDate();
        form.planAmount = view.amount();
        form.planNote = view.note();
        form.version = view.version();
        return form;
    }

    PaymentPlanDraft toDraft() {
        return new PaymentPlanDraft(dueDate, planAmount, planNote, version);
    }

    public LocalDate getDueDate() { return dueDate; }
    public void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
    public BigDecimal getPlanAmount() { return planAmount; }
    public void setPlanAmount(BigDecimal planAmount) { this.planAmount = planAmount; }
    public String getPlanNote() { return planNote; }
    public void setPlanNote(String planNote) { this.planNote = planNote; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}

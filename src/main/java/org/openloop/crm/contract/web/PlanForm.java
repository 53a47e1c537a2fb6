package org.openloop.crm.contract.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.openloop.crm.contract.PaymentPlanDraft;
import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The "add instalment" form of a contract page; its field names differ from the payment form's, which shares the
 * page (one id per field).
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

    PaymentPlanDraft toDraft() {
        return new PaymentPlanDraft(dueDate, planAmount, planNote, null);
    }

    public LocalDate getDueDate() { return dueDate; }
    public void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
    public BigDecimal getPlanAmount() { return planAmount; }
    public void setPlanAmount(BigDecimal planAmount) { this.planAmount = planAmount; }
    public String getPlanNote() { return planNote; }
    public void setPlanNote(String planNote) { this.planNote = planNote; }
}

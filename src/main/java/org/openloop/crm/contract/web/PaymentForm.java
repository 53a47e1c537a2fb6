package org.openloop.crm.contract.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.openloop.crm.contract.PaymentDraft;
import org.openloop.crm.contract.PaymentMethod;
import org.openloop.crm.contract.PaymentPlanDraft;
import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The two small forms of a contract page: an instalment (due date, amount, note) and a payment received. */
public class PaymentForm {

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    @NotNull
    @Positive
    @Digits(integer = 16, fraction = 2)
    private BigDecimal amount;
    private PaymentMethod method = PaymentMethod.BANK_TRANSFER;
    @Size(max = 100)
    private String reference;
    @Size(max = 500)
    private String note;
    private UUID planId;

    static PaymentForm today(LocalDate today) {
        PaymentForm form = new PaymentForm();
        form.date = today;
        return form;
    }

    PaymentDraft toPayment() {
        return new PaymentDraft(date, amount, method == null ? PaymentMethod.OTHER : method, reference, note, planId,
                null);
    }

    PaymentPlanDraft toPlan() {
        return new PaymentPlanDraft(date, amount, note, null);
    }

    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public PaymentMethod getMethod() { return method; }
    public void setMethod(PaymentMethod method) { this.method = method; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public UUID getPlanId() { return planId; }
    public void setPlanId(UUID planId) { this.planId = planId; }
}

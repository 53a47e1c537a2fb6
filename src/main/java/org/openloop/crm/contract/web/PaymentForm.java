package org.openloop.crm.contract.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.openloop.crm.contract.PaymentDraft;
import org.openloop.crm.contract.PaymentMethod;
import org.openloop.crm.contract.PaymentView;
import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The "record payment" form of a contract page and a payment's edit form ({@code version} only when editing). */
public class PaymentForm {

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate receivedOn;
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
    private Long version;

    static PaymentForm today(LocalDate today) {
        PaymentForm form = new PaymentForm();
        form.receivedOn = today;
        return form;
    }

    static PaymentForm of(PaymentView view) {
        PaymentForm form = new PaymentForm();
        form.receivedOn = view.receivedOn();
        form.amount = view.amount();
        form.method = view.method();
        form.reference = view.reference();
        form.note = view.note();
        form.planId = view.planId();
        form.version = view.version();
        return form;
    }

    PaymentDraft toDraft() {
        return new PaymentDraft(receivedOn, amount, method == null ? PaymentMethod.OTHER : method, reference, note,
                planId, version);
    }

    public LocalDate getReceivedOn() { return receivedOn; }
    public void setReceivedOn(LocalDate receivedOn) { this.receivedOn = receivedOn; }
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
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}

package org.openloop.crm.contract.web;

import java.time.LocalDate;
import java.util.UUID;

import org.openloop.crm.contract.ContractChanges;
import org.openloop.crm.contract.ContractDraft;
import org.openloop.crm.contract.ContractKind;
import org.openloop.crm.contract.ContractView;
import org.openloop.crm.contract.DeliveryStatus;
import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The contract form: new (from a quote) and edit. */
public class ContractForm {

    private UUID quoteId;
    @NotBlank
    @Size(max = 200)
    private String title;
    private ContractKind kind = ContractKind.CONTRACT;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate signingDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate termStart;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate termEnd;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate renewalDate;
    private DeliveryStatus deliveryStatus = DeliveryStatus.NOT_SHIPPED;
    @Size(max = 100)
    private String signer;
    @Size(max = 4000)
    private String notes;
    private Long version;

    static ContractForm of(ContractView view) {
        ContractForm form = new ContractForm();
        form.title = view.title();
        form.kind = view.kind();
        form.signingDate = view.signingDate();
        form.termStart = view.termStart();
        form.termEnd = view.termEnd();
        form.renewalDate = view.renewalDate();
        form.deliveryStatus = view.deliveryStatus();
        form.signer = view.signer();
        form.notes = view.notes();
        form.version = view.version();
        return form;
    }

    ContractDraft toDraft() {
        return new ContractDraft(quoteId, title, kind, signingDate, termStart, termEnd, renewalDate, signer, notes);
    }

    ContractChanges toChanges() {
        return new ContractChanges(title, kind == null ? ContractKind.CONTRACT : kind, signingDate, termStart,
                termEnd, renewalDate, deliveryStatus == null ? DeliveryStatus.NOT_SHIPPED : deliveryStatus, signer,
                notes, version);
    }

    public UUID getQuoteId() { return quoteId; }
    public void setQuoteId(UUID quoteId) { this.quoteId = quoteId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public ContractKind getKind() { return kind; }
    public void setKind(ContractKind kind) { this.kind = kind; }
    public LocalDate getSigningDate() { return signingDate; }
    public void setSigningDate(LocalDate signingDate) { this.signingDate = signingDate; }
    public LocalDate getTermStart() { return termStart; }
    public void setTermStart(LocalDate termStart) { this.termStart = termStart; }
    public LocalDate getTermEnd() { return termEnd; }
    public void setTermEnd(LocalDate termEnd) { this.termEnd = termEnd; }
    public LocalDate getRenewalDate() { return renewalDate; }
    public void setRenewalDate(LocalDate renewalDate) { this.renewalDate = renewalDate; }
    public DeliveryStatus getDeliveryStatus() { return deliveryStatus; }
    public void setDeliveryStatus(DeliveryStatus deliveryStatus) { this.deliveryStatus = deliveryStatus; }
    public String getSigner() { return signer; }
    public void setSigner(String signer) { this.signer = signer; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}

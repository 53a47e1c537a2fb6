package org.openloop.crm.expense.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.openloop.crm.expense.ExpenseDraft;
import org.openloop.crm.expense.ExpenseType;
import org.openloop.crm.expense.ExpenseView;
import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The expense form; the opportunity comes from the page it was opened on and stays fixed. */
public class ExpenseForm {

    @NotNull
    private UUID opportunityId;
    @NotNull
    private ExpenseType type;
    @NotNull
    @Positive
    @Digits(integer = 15, fraction = 2)
    private BigDecimal amount;
    @Pattern(regexp = "[A-Za-z]{3}")
    private String currency = ExpenseDraft.DEFAULT_CURRENCY;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate spentOn;
    @Size(max = 2000)
    private String description;
    private Long version;

    static ExpenseForm blank(UUID opportunityId, ZoneId zone) {
        ExpenseForm form = new ExpenseForm();
        form.opportunityId = opportunityId;
        form.spentOn = LocalDate.now(zone);
        return form;
    }

    static ExpenseForm of(ExpenseView view) {
        ExpenseForm form = new ExpenseForm();
        form.opportunityId = view.opportunityId();
        form.type = view.type();
        form.amount = view.amount();
        form.currency = view.currency();
        form.spentOn = view.spentOn();
        form.description = view.description();
        form.version = view.version();
        return form;
    }

    ExpenseDraft toDraft() {
        return new ExpenseDraft(opportunityId, type, amount, currency, spentOn, description, version);
    }

    public UUID getOpportunityId() {
        return opportunityId;
    }

    public void setOpportunityId(UUID opportunityId) {
        this.opportunityId = opportunityId;
    }

    public ExpenseType getType() {
        return type;
    }

    public void setType(ExpenseType type) {
        this.type = type;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public LocalDate getSpentOn() {
        return spentOn;
    }

    public void setSpentOn(LocalDate spentOn) {
        this.spentOn = spentOn;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}

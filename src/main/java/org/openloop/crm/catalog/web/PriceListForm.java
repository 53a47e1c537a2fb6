package org.openloop.crm.catalog.web;

import java.time.LocalDate;

import org.openloop.crm.catalog.PriceListDraft;
import org.openloop.crm.catalog.PriceListView;
import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The page form of a price list's header. */
public class PriceListForm {

    @NotBlank
    @Size(max = 100)
    private String name;
    @Pattern(regexp = "[A-Z]{3}")
    private String currency = "CNY";
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validTo;
    private boolean active = true;
    private Long version;

    static PriceListForm of(PriceListView l) {
        PriceListForm form = new PriceListForm();
        form.name = l.name();
        form.currency = l.currency();
        form.validFrom = l.validFrom();
        form.validTo = l.validTo();
        form.active = l.active();
        form.version = l.version();
        return form;
    }

    PriceListDraft draft() {
        return new PriceListDraft(name, currency, validFrom, validTo, active, version);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
    public LocalDate getValidTo() { return validTo; }
    public void setValidTo(LocalDate validTo) { this.validTo = validTo; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}

package org.openloop.crm.quoting.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.quoting.QuoteDraft;
import org.openloop.crm.quoting.QuoteLineDraft;
import org.openloop.crm.quoting.QuoteLineView;
import org.openloop.crm.quoting.QuoteView;
import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The page form of a quote: header and line rows (rows left completely empty are ignored). */
public class QuoteForm {

    @NotNull
    private UUID opportunityId;
    private UUID contactId;
    private UUID priceListId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validUntil;
    @Size(max = 4000)
    private String terms;
    private Long version;
    @Valid
    private List<Line> lines = new ArrayList<>();

    /** One line row. */
    public static class Line {
        private UUID productId;
        @Size(max = 500)
        private String description;
        @DecimalMin(value = "0.000", inclusive = false)
        @Digits(integer = 10, fraction = 3)
        private BigDecimal quantity;
        @DecimalMin("0.00")
        @Digits(integer = 12, fraction = 2)
        private BigDecimal unitPrice;
        @DecimalMin("0.00")
        @DecimalMax("100.00")
        @Digits(integer = 3, fraction = 2)
        private BigDecimal discountPercent;
        @DecimalMin("0.00")
        @DecimalMax("100.00")
        @Digits(integer = 3, fraction = 2)
        private BigDecimal taxRate;

        boolean blank() {
            return productId == null && quantity == null && unitPrice == null && discountPercent == null
                    && taxRate == null && (description == null || description.isBlank());
        }

        public UUID getProductId() { return productId; }
        public void setProductId(UUID productId) { this.productId = productId; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public BigDecimal getQuantity() { return quantity; }
        public void setQuantity(BigDecimal quantity) { this.quantity = quantity; }
        public BigDecimal getUnitPrice() { return unitPrice; }
        public void setUnitPrice(BigDecimal unitPrice) { this.unitPrice = unitPrice; }
        public BigDecimal getDiscountPercent() { return discountPercent; }
        public void setDiscountPercent(BigDecimal discountPercent) { this.discountPercent = discountPercent; }
        public BigDecimal getTaxRate() { return taxRate; }
        public void setTaxRate(BigDecimal taxRate) { this.taxRate = taxRate; }
    }

    static QuoteForm of(QuoteView q) {
        QuoteForm form = new QuoteForm();
        form.opportunityId = q.opportunityId();
        form.contactId = q.contactId();
        form.priceListId = q.priceListId();
        form.validUntil = q.validUntil();
        form.terms = q.terms();
        form.version = q.version();
        for (QuoteLineView l : q.lines()) {
            Line line = new Line();
            line.productId = l.productId();
            line.description = l.description();
            line.quantity = l.quantity().stripTrailingZeros();
            line.unitPrice = l.unitPrice();
            line.discountPercent = l.discountPercent();
            line.taxRate = l.taxRate();
            form.lines.add(line);
        }
        return form;
    }

    /** Keeps at least {@code rows} rows so the form shows empty rows to fill. */
    void padTo(int rows) {
        while (lines.size() < rows) {
            lines.add(new Line());
        }
    }

    /** The non-empty rows in order; their indexes are kept so field errors land on the right row. */
    void dropBlankRows() {
        lines.removeIf(Line::blank);
    }

    QuoteDraft draft() {
        List<QuoteLineDraft> drafts = lines.stream().map(l -> new QuoteLineDraft(l.productId, l.description,
                l.quantity, l.unitPrice, l.discountPercent, l.taxRate)).toList();
        return new QuoteDraft(opportunityId, contactId, priceListId, validUntil, terms, drafts, version);
    }

    public UUID getOpportunityId() { return opportunityId; }
    public void setOpportunityId(UUID opportunityId) { this.opportunityId = opportunityId; }
    public UUID getContactId() { return contactId; }
    public void setContactId(UUID contactId) { this.contactId = contactId; }
    public UUID getPriceListId() { return priceListId; }
    public void setPriceListId(UUID priceListId) { this.priceListId = priceListId; }
    public LocalDate getValidUntil() { return validUntil; }
    public void setValidUntil(LocalDate validUntil) { this.validUntil = validUntil; }
    public String getTerms() { return terms; }
    public void setTerms(String terms) { this.terms = terms; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public List<Line> getLines() { return lines; }
    public void setLines(List<Line> lines) { this.lines = lines == null ? new ArrayList<>() : lines; }
}

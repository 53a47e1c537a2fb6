package org.openloop.crm.quoting.internal;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of a quote. Product code, name and unit are copied when the line is written, so a quote keeps saying
 * what was offered after the catalogue changes; the amounts are those of {@link QuoteArithmetic}.
 */
@Entity
@Table(name = "quote_line")
public class QuoteLine {

    @Id
    private UUID id;
    @Column(name = "quote_id")
    private UUID quoteId;
    private int position;
    @Column(name = "product_id")
    private UUID productId;
    @Column(name = "product_code")
    private String productCode;
    @Column(name = "product_name")
    private String productName;
    private String description;
    private String unit;
    private BigDecimal quantity;
    @Column(name = "unit_price")
    private BigDecimal unitPrice;
    @Column(name = "discount_percent")
    private BigDecimal discountPercent;
    @Column(name = "tax_rate")
    private BigDecimal taxRate;
    @Column(name = "gross_amount")
    private BigDecimal grossAmount;
    @Column(name = "net_amount")
    private BigDecimal netAmount;
    @Column(name = "tax_amount")
    private BigDecimal taxAmount;
    @Column(name = "total_amount")
    private BigDecimal totalAmount;

    protected QuoteLine() {
    }

    public QuoteLine(UUID quoteId, int position, UUID productId, String productCode, String productName,
            String description, String unit, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
            BigDecimal taxRate) {
        this.id = UUID.randomUUID();
        this.quoteId = quoteId;
        this.position = position;
        this.productId = productId;
        this.productCode = productCode;
        this.productName = productName;
        this.description = description;
        this.unit = unit;
        this.quantity = quantity.setScale(3, java.math.RoundingMode.HALF_UP);
        this.unitPrice = QuoteArithmetic.cents(unitPrice);
        this.discountPercent = QuoteArithmetic.cents(discountPercent);
        this.taxRate = QuoteArithmetic.cents(taxRate);
        QuoteArithmetic.LineAmounts amounts = QuoteArithmetic.line(this.quantity, this.unitPrice,
                this.discountPercent, this.taxRate);
        this.grossAmount = amounts.gross();
        this.netAmount = amounts.net();
        this.taxAmount = amounts.tax();
        this.totalAmount = amounts.total();
    }

    /** The same line on another quote (a new version). */
    public QuoteLine copyFor(UUID otherQuoteId) {
        return new QuoteLine(otherQuoteId, position, productId, productCode, productName, description, unit, quantity,
                unitPrice, discountPercent, taxRate);
    }

    public QuoteArithmetic.LineAmounts amounts() {
        return new QuoteArithmetic.LineAmounts(grossAmount, netAmount, taxAmount, totalAmount);
    }

    public UUID getId() { return id; }
    public UUID getQuoteId() { return quoteId; }
    public int getPosition() { return position; }
    public UUID getProductId() { return productId; }
    public String getProductCode() { return productCode; }
    public String getProductName() { return productName; }
    public String getDescription() { return description; }
    public String getUnit() { return unit; }
    public BigDecimal getQuantity() { return quantity; }
    public BigDecimal getUnitPrice() { return unitPrice; }
    public BigDecimal getDiscountPercent() { return discountPercent; }
    public BigDecimal getTaxRate() { return taxRate; }
    public BigDecimal getGrossAmount() { return grossAmount; }
    public BigDecimal getNetAmount() { return netAmount; }
    public BigDecimal getTaxAmount() { return taxAmount; }
    public BigDecimal getTotalAmount() { return totalAmount; }
}

package org.openloop.crm.contract.internal;

import java.math.BigDecimal;
import java.util.UUID;

import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.Sensitive;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One quote line copied into a contract: product, quantity, price, discount, tax and amounts, as quoted. */
@Embeddable
public class ContractLine {

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
    @Sensitive(MaskStyle.AMOUNT)
    @Column(name = "unit_price")
    private BigDecimal unitPrice;
    @Column(name = "discount_percent")
    private BigDecimal discountPercent;
    @Column(name = "tax_rate")
    private BigDecimal taxRate;
    @Sensitive(MaskStyle.AMOUNT)
    @Column(name = "net_amount")
    private BigDecimal netAmount;
    @Sensitive(MaskStyle.AMOUNT)
    @Column(name = "tax_amount")
    private BigDecimal taxAmount;
    @Sensitive(MaskStyle.AMOUNT)
    @Column(name = "total_amount")
    private BigDecimal totalAmount;

    protected ContractLine() {
    }

    public ContractLine(int position, UUID productId, String productCode, String productName, String description,
            String unit, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRate,
            BigDecimal netAmount, BigDecimal taxAmount, BigDecimal totalAmount) {
        this.position = position;
        this.productId = productId;
        this.productCode = productCode;
        this.productName = productName;
        this.description = description;
        this.unit = unit;
        this.quantity = quantity;
        this.unitPrice = Money.of(unitPrice);
        this.discountPercent = discountPercent == null ? BigDecimal.ZERO : discountPercent;
        this.taxRate = taxRate == null ? BigDecimal.ZERO : taxRate;
        this.netAmount = Money.of(netAmount);
        this.taxAmount = Money.of(taxAmount);
        this.totalAmount = Money.of(totalAmount);
    }

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
    public BigDecimal getNetAmount() { return netAmount; }
    public BigDecimal getTaxAmount() { return taxAmount; }
    public BigDecimal getTotalAmount() { return totalAmount; }
}

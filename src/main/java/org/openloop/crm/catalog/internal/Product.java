package org.openloop.crm.catalog.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

import org.openloop.crm.audit.Audited;
import org.openloop.crm.catalog.ProductKind;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A catalogue entry (F4). Company-wide reference data: no owner, readable by every holder of product:view. */
@Entity
@Table(name = "product")
@Audited(value = "product", ignore = {"updatedAt"})
public class Product {

    @Id
    private UUID id;
    private String code;
    private String name;
    private String category;
    private String unit;
    @Column(name = "list_price")
    private BigDecimal listPrice;
    private String currency;
    @Column(name = "tax_rate")
    private BigDecimal taxRate;
    @Enumerated(EnumType.STRING)
    private ProductKind kind;
    private boolean active;
    private String description;
    @Version
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Product() {
    }

    public Product(Instant now) {
        this.id = UUID.randomUUID();
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void update(String code, String name, String category, String unit, BigDecimal listPrice,
            String currency, BigDecimal taxRate, ProductKind kind, boolean active, String description, Instant now) {
        this.code = code;
        this.name = name;
        this.category = category;
        this.unit = unit;
        this.listPrice = listPrice.setScale(2, RoundingMode.HALF_UP);
        this.currency = currency;
        this.taxRate = taxRate.setScale(2, RoundingMode.HALF_UP);
        this.kind = kind;
        this.active = active;
        this.description = description;
        this.updatedAt = now;
    }

    public UUID getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getCategory() { return category; }
    public String getUnit() { return unit; }
    public BigDecimal getListPrice() { return listPrice; }
    public String getCurrency() { return currency; }
    public BigDecimal getTaxRate() { return taxRate; }
    public ProductKind getKind() { return kind; }
    public boolean isActive() { return active; }
    public String getDescription() { return description; }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}

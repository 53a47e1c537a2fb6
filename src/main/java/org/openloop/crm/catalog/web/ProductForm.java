package org.openloop.crm.catalog.web;

import java.math.BigDecimal;

import org.openloop.crm.catalog.ProductDraft;
import org.openloop.crm.catalog.ProductKind;
import org.openloop.crm.catalog.ProductView;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The page form of a product; the same rules as {@link ProductDraft}. */
public class ProductForm {

    @NotBlank
    @Size(max = 50)
    @Pattern(regexp = "[A-Za-z0-9._-]*")
    private String code;
    @NotBlank
    @Size(max = 200)
    private String name;
    @Size(max = 100)
    private String category;
    @NotBlank
    @Size(max = 30)
    private String unit;
    @NotNull
    @DecimalMin("0.00")
    @Digits(integer = 12, fraction = 2)
    private BigDecimal listPrice;
    @Pattern(regexp = "[A-Z]{3}")
    private String currency = "CNY";
    @NotNull
    @DecimalMin("0.00")
    @DecimalMax("100.00")
    @Digits(integer = 3, fraction = 2)
    private BigDecimal taxRate = new BigDecimal("13");
    @NotNull
    private ProductKind kind = ProductKind.PRODUCT;
    private boolean active = true;
    @Size(max = 2000)
    private String description;
    private Long version;

    static ProductForm of(ProductView p) {
        ProductForm form = new ProductForm();
        form.code = p.code();
        form.name = p.name();
        form.category = p.category();
        form.unit = p.unit();
        form.listPrice = p.listPrice();
        form.currency = p.currency();
        form.taxRate = p.taxRate();
        form.kind = p.kind();
        form.active = p.active();
        form.description = p.description();
        form.version = p.version();
        return form;
    }

    ProductDraft draft() {
        return new ProductDraft(code, name, category, unit, listPrice, currency, taxRate, kind, active, description,
                version);
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    public BigDecimal getListPrice() { return listPrice; }
    public void setListPrice(BigDecimal listPrice) { this.listPrice = listPrice; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public BigDecimal getTaxRate() { return taxRate; }
    public void setTaxRate(BigDecimal taxRate) { this.taxRate = taxRate; }
    public ProductKind getKind() { return kind; }
    public void setKind(ProductKind kind) { this.kind = kind; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}

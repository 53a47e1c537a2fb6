package org.openloop.crm.catalog.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One product's price in a price list; changes are recorded in the list's history. */
@Entity
@Table(name = "price_list_item")
public class PriceListItem {

    @Id
    private UUID id;
    @Column(name = "price_list_id")
    private UUID priceListId;
    @Column(name = "product_id")
    private UUID productId;
    private BigDecimal price;

    protected PriceListItem() {
    }

    public PriceListItem(UUID priceListId, UUID productId, BigDecimal price) {
        this.id = UUID.randomUUID();
        this.priceListId = priceListId;
        this.productId = productId;
        setPrice(price);
    }

    public void setPrice(BigDecimal price) {
        this.price = price.setScale(2, RoundingMode.HALF_UP);
    }

    public UUID getId() { return id; }
    public UUID getPriceListId() { return priceListId; }
    public UUID getProductId() { return productId; }
    public BigDecimal getPrice() { return price; }
}

package org.openloop.crm.catalog.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.openloop.crm.audit.Audited;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A price list (价格体系, F4); its prices are {@link PriceListItem}s. */
@Entity
@Table(name = "price_list")
@Audited(value = "priceList", ignore = {"updatedAt"})
public class PriceList {

    @Id
    private UUID id;
    private String name;
    private String currency;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_to")
    private LocalDate validTo;
    private boolean active;
    @Version
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected PriceList() {
    }

    public PriceList(Instant now) {
        this.id = UUID.randomUUID();
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void update(String name, String currency, LocalDate validFrom, LocalDate validTo, boolean active,
            Instant now) {
        this.name = name;
        this.currency = currency;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.active = active;
        this.updatedAt = now;
    }

    /** A change of prices is a change of the list: its version moves, so concurrent editors see a conflict. */
    public void touch(Instant now) {
        this.updatedAt = now;
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
    public String getCurrency() { return currency; }
    public LocalDate getValidFrom() { return validFrom; }
    public LocalDate getValidTo() { return validTo; }
    public boolean isActive() { return active; }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
}

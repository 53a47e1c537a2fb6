package org.openloop.crm.customer.internal;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.openloop.crm.audit.Audited;
import org.openloop.crm.customer.TagColour;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A tag (B3). Names are unique regardless of case and full-width/half-width forms ({@code nameKey}). */
@Entity
@Table(name = "tag")
@Audited(value = "tag", ignore = "nameKey")
public class Tag {

    @Id
    private UUID id;
    private String name;
    @Column(name = "name_key")
    private String nameKey;
    @Enumerated(EnumType.STRING)
    private TagColour colour;
    private boolean managed;
    @Column(name = "created_by")
    private UUID createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    protected Tag() {
    }

    public Tag(String name, TagColour colour, boolean managed, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        rename(name);
        this.colour = colour;
        this.managed = managed;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public static String keyOf(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    public void rename(String name) {
        this.name = name.strip();
        this.nameKey = keyOf(name);
    }

    /** A free tag that a manager edits becomes managed. */
    public void define(String name, TagColour colour) {
        rename(name);
        this.colour = colour;
        this.managed = true;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public TagColour getColour() {
        return colour;
    }

    public boolean isManaged() {
        return managed;
    }

    public long getVersion() {
        return version;
    }
}

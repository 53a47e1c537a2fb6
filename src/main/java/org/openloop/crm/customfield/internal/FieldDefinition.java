package org.openloop.crm.customfield.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.audit.Audited;
import org.openloop.crm.customfield.CustomFieldOption;
import org.openloop.crm.customfield.CustomFieldType;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A custom field definition (B11); audited, never deleted once it holds values (deactivated instead). */
@Entity
@Table(name = "custom_field")
@Audited("customField")
public class FieldDefinition {

    @Id
    private UUID id;
    @Column(name = "record_type")
    private String recordType;
    @Column(name = "field_key")
    private String key;
    @Column(name = "label_zh")
    private String labelZh;
    @Column(name = "label_en")
    private String labelEn;
    @Enumerated(EnumType.STRING)
    @Column(name = "field_type")
    private CustomFieldType type;
    private boolean required;
    @Column(name = "max_length")
    private Integer maxLength;
    @Column(name = "min_value")
    private BigDecimal min;
    @Column(name = "max_value")
    private BigDecimal max;
    private String pattern;
    private String options;
    @Column(name = "display_order")
    private int displayOrder;
    private boolean active;
    @Column(name = "shown_in_list")
    private boolean shownInList;
    private boolean filterable;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected FieldDefinition() {
    }

    public FieldDefinition(String recordType, String key, CustomFieldType type, Instant now) {
        this.id = UUID.randomUUID();
        this.recordType = recordType;
        this.key = key;
        this.type = type;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The settings an administrator may change; the key, record type and type stay as created. */
    public record Settings(String labelZh, String labelEn, boolean required, Integer maxLength, BigDecimal min,
            BigDecimal max, String pattern, List<CustomFieldOption> options, int displayOrder, boolean shownInList,
            boolean filterable) {
    }

    public void update(Settings settings, Instant now) {
        this.labelZh = settings.labelZh();
        this.labelEn = settings.labelEn();
        this.required = settings.required();
        this.maxLength = settings.maxLength();
        this.min = settings.min();
        this.max = settings.max();
        this.pattern = settings.pattern();
        this.options = settings.options().isEmpty() ? null : encode(settings.options());
        this.displayOrder = settings.displayOrder();
        this.shownInList = settings.shownInList();
        this.filterable = settings.filterable();
        this.updatedAt = now;
    }

    public void activate(boolean active, Instant now) {
        this.active = active;
        this.updatedAt = now;
    }

    public void moveTo(int displayOrder, Instant now) {
        this.displayOrder = displayOrder;
        this.updatedAt = now;
    }

    private static String encode(List<CustomFieldOption> options) {
        StringBuilder text = new StringBuilder();
        for (CustomFieldOption option : options) {
            text.append(text.isEmpty() ? "" : "\n").append(option.value()).append('|').append(option.zh())
                    .append('|').append(option.en());
        }
        return text.toString();
    }

    public List<CustomFieldOption> getOptions() {
        List<CustomFieldOption> list = new ArrayList<>();
        if (options != null) {
            for (String line : options.split("\n")) {
                String[] parts = line.split("\\|", 3);
                if (parts.length == 3) {
                    list.add(new CustomFieldOption(parts[0], parts[1], parts[2]));
                }
            }
        }
        return list;
    }

    public UUID getId() {
        return id;
    }

    public String getRecordType() {
        return recordType;
    }

    public String getKey() {
        return key;
    }

    public String getLabelZh() {
        return labelZh;
    }

    public String getLabelEn() {
        return labelEn;
    }

    public CustomFieldType getType() {
        return type;
    }

    public boolean isRequired() {
        return required;
    }

    public Integer getMaxLength() {
        return maxLength;
    }

    public BigDecimal getMin() {
        return min;
    }

    public BigDecimal getMax() {
        return max;
    }

    public String getPattern() {
        return pattern;
    }

    public int getDisplayOrder() {
        return displayOrder;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isShownInList() {
        return shownInList;
    }

    public boolean isFilterable() {
        return filterable;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}

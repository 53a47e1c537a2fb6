package org.openloop.crm.customfield.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One stored value of a custom field on a record, in the column of its type; a multi-select field has one row per
 * chosen option. Changes are audited on the owning record by the facade, field by field.
 */
@Entity
@Table(name = "custom_field_value")
public class FieldValue {

    @Id
    private UUID id;
    @Column(name = "record_type")
    private String recordType;
    @Column(name = "record_id")
    private UUID recordId;
    @Column(name = "field_id")
    private UUID fieldId;
    @Column(name = "text_value")
    private String text;
    @Column(name = "number_value")
    private BigDecimal number;
    @Column(name = "date_value")
    private LocalDate date;

    protected FieldValue() {
    }

    public FieldValue(String recordType, UUID recordId, UUID fieldId, String text, BigDecimal number,
            LocalDate date) {
        this.id = UUID.randomUUID();
        this.recordType = recordType;
        this.recordId = recordId;
        this.fieldId = fieldId;
        this.text = text;
        this.number = number;
        this.date = date;
    }

    /** Follows a merge of its record, or the merge's undo (B6). */
    public void moveTo(UUID recordId) {
        this.recordId = recordId;
    }

    public UUID getId() {
        return id;
    }

    public String getRecordType() {
        return recordType;
    }

    public UUID getRecordId() {
        return recordId;
    }

    public UUID getFieldId() {
        return fieldId;
    }

    public String getText() {
        return text;
    }

    public BigDecimal getNumber() {
        return number;
    }

    public LocalDate getDate() {
        return date;
    }
}

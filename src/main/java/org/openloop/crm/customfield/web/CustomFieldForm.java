package org.openloop.crm.customfield.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.openloop.crm.customfield.CustomFieldDefinition;
import org.openloop.crm.customfield.CustomFieldDraft;
import org.openloop.crm.customfield.CustomFieldOption;
import org.openloop.crm.customfield.CustomFieldType;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The settings form of one custom field; options are typed one per line as {@code value|中文|English}. */
public class CustomFieldForm {

    private String recordType = "customer";
    @NotBlank
    @Size(max = 100)
    private String labelZh;
    @NotBlank
    @Size(max = 100)
    private String labelEn;
    private CustomFieldType type = CustomFieldType.TEXT;
    private boolean required;
    @Min(1)
    @Max(1000)
    private Integer maxLength;
    private BigDecimal min;
    private BigDecimal max;
    @Size(max = 200)
    private String pattern;
    @Size(max = 4000)
    private String options;
    private Integer displayOrder;
    private boolean shownInList;
    private boolean filterable;
    private Long version;

    static CustomFieldForm of(CustomFieldDefinition f) {
        CustomFieldForm form = new CustomFieldForm();
        form.recordType = f.recordType();
        form.labelZh = f.labelZh();
        form.labelEn = f.labelEn();
        form.type = f.type();
        form.required = f.required();
        form.maxLength = f.maxLength();
        form.min = f.min() == null ? null : f.min().stripTrailingZeros();
        form.max = f.max() == null ? null : f.max().stripTrailingZeros();
        form.pattern = f.pattern();
        StringBuilder lines = new StringBuilder();
        for (CustomFieldOption o : f.options()) {
            lines.append(lines.isEmpty() ? "" : "\n").append(o.value()).append('|').append(o.zh()).append('|')
                    .append(o.en());
        }
        form.options = lines.toString();
        form.displayOrder = f.displayOrder();
        form.shownInList = f.shownInList();
        form.filterable = f.filterable();
        form.version = f.version();
        return form;
    }

    CustomFieldDraft toDraft() {
        List<CustomFieldDraft.Option> parsed = new ArrayList<>();
        if (options != null) {
            for (String line : options.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\\|", -1);
                parsed.add(parts.length >= 3 ? new CustomFieldDraft.Option(parts[0].trim(), parts[1].trim(),
                        String.join("|", java.util.Arrays.copyOfRange(parts, 2, parts.length)).trim())
                        : parts.length == 2 ? new CustomFieldDraft.Option(null, parts[0].trim(), parts[1].trim())
                                : new CustomFieldDraft.Option(null, parts[0].trim(), parts[0].trim()));
            }
        }
        return new CustomFieldDraft(recordType, labelZh, labelEn, type, required, maxLength, min, max, pattern, parsed,
                displayOrder, shownInList, filterable, version);
    }

    public String getRecordType() {
        return recordType;
    }

    public void setRecordType(String recordType) {
        this.recordType = recordType;
    }

    public String getLabelZh() {
        return labelZh;
    }

    public void setLabelZh(String labelZh) {
        this.labelZh = labelZh;
    }

    public String getLabelEn() {
        return labelEn;
    }

    public void setLabelEn(String labelEn) {
        this.labelEn = labelEn;
    }

    public CustomFieldType getType() {
        return type;
    }

    public void setType(CustomFieldType type) {
        this.type = type;
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public Integer getMaxLength() {
        return maxLength;
    }

    public void setMaxLength(Integer maxLength) {
        this.maxLength = maxLength;
    }

    public BigDecimal getMin() {
        return min;
    }

    public void setMin(BigDecimal min) {
        this.min = min;
    }

    public BigDecimal getMax() {
        return max;
    }

    public void setMax(BigDecimal max) {
        this.max = max;
    }

    public String getPattern() {
        return pattern;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public String getOptions() {
        return options;
    }

    public void setOptions(String options) {
        this.options = options;
    }

    public Integer getDisplayOrder() {
        return displayOrder;
    }

    public void setDisplayOrder(Integer displayOrder) {
        this.displayOrder = displayOrder;
    }

    public boolean isShownInList() {
        return shownInList;
    }

    public void setShownInList(boolean shownInList) {
        this.shownInList = shownInList;
    }

    public boolean isFilterable() {
        return filterable;
    }

    public void setFilterable(boolean filterable) {
        this.filterable = filterable;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}

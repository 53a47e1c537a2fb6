package org.openloop.crm.customfield;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an administrator sets on a custom field. The record type and the type are fixed when the field is created
 * (later changes of them are ignored), the key is generated. Rules that do not apply to the type are dropped.
 */
public record CustomFieldDraft(
        @Size(max = 50) String recordType,
        @NotBlank @Size(max = 100) String labelZh,
        @NotBlank @Size(max = 100) String labelEn,
        CustomFieldType type,
        Boolean required,
        @Min(1) @Max(1000) Integer maxLength,
        BigDecimal min,
        BigDecimal max,
        @Size(max = 200) String pattern,
        @Size(max = 100) List<@NotNull @Valid Option> options,
        Integer displayOrder,
        Boolean shownInList,
        Boolean filterable,
        Long version) {

    /** A select option; {@code value} is generated from the position when left blank. */
    public record Option(@Size(max = 40) String value, @NotBlank @Size(max = 100) String zh,
            @NotBlank @Size(max = 100) String en) {
    }

    public CustomFieldDraft {
        labelZh = labelZh == null ? null : labelZh.trim();
        labelEn = labelEn == null ? null : labelEn.trim();
        pattern = pattern == null || pattern.isBlank() ? null : pattern;
        options = options == null ? List.of() : List.copyOf(options);
        required = Boolean.TRUE.equals(required);
        shownInList = Boolean.TRUE.equals(shownInList);
        filterable = Boolean.TRUE.equals(filterable);
    }
}

package org.openloop.crm.customfield;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A custom field of a record type as forms, lists and the API see it. {@code key} is generated when the field is
 * created and never changes, so stored values, API payloads and filter parameters ({@code cf.<key>}) stay valid when
 * labels change.
 */
public record CustomFieldDefinition(UUID id, String recordType, String key, String labelZh, String labelEn,
        CustomFieldType type, boolean required, Integer maxLength, BigDecimal min, BigDecimal max, String pattern,
        List<CustomFieldOption> options, int displayOrder, boolean active, boolean shownInList, boolean filterable,
        Instant createdAt, long version) {

    /** The label in the given language (English for {@code en*}, Chinese otherwise). */
    public String label(Locale locale) {
        return english(locale) ? labelEn : labelZh;
    }

    /** The label of a select option, or the stored value when the option was removed since. */
    public String optionLabel(String value, Locale locale) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst().map(o -> o.label(locale))
                .orElse(value);
    }

    /** The list and API filter parameter of this field. */
    public String filterName() {
        return CustomFields.FILTER_PREFIX + key;
    }

    static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}

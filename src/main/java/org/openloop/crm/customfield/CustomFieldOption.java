package org.openloop.crm.customfield;

import java.util.Locale;

/** One choice of a select field: the stored {@code value} and its labels in both languages. */
public record CustomFieldOption(String value, String zh, String en) {

    public String label(Locale locale) {
        return CustomFieldDefinition.english(locale) ? en : zh;
    }
}

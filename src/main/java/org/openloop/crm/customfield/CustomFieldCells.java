package org.openloop.crm.customfield;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Custom field values (B11) from the text cells of an imported row, for import targets: select cells may name
 * options by value, Chinese or English label (multi-select cells separated by {@code , ， 、 ; ；}); dates may be
 * written {@code 2026/3/5} or {@code 2026-3-5}. Anything else is passed on as typed, so {@link CustomFields#validate}
 * refuses it with the same messages as the form.
 */
public final class CustomFieldCells {

    private static final Pattern LOOSE_DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");

    private CustomFieldCells() {
    }

    /** The filled cells by field key; {@code cell} answers a column ({@link CustomFieldDefinition#filterName()}). */
    public static Map<String, Object> values(Function<String, String> cell, List<CustomFieldDefinition> fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (CustomFieldDefinition field : fields) {
            String text = cell.apply(field.filterName());
            if (text == null || text.isBlank()) {
                continue;
            }
            String trimmed = text.trim();
            switch (field.type()) {
                case SINGLE_SELECT -> values.put(field.key(), optionValue(field, trimmed));
                case MULTI_SELECT -> values.put(field.key(), Arrays.stream(trimmed.split("[,，、;；]"))
                        .map(String::trim).filter(v -> !v.isEmpty()).map(v -> optionValue(field, v)).toList());
                case DATE -> values.put(field.key(), isoDate(trimmed));
                default -> values.put(field.key(), trimmed);
            }
        }
        return values;
    }

    private static String optionValue(CustomFieldDefinition field, String cell) {
        for (CustomFieldOption option : field.options()) {
            if (option.value().equals(cell) || cell.equals(option.zh()) || cell.equalsIgnoreCase(option.en())) {
                return option.value();
            }
        }
        return cell;
    }

    private static String isoDate(String cell) {
        Matcher m = LOOSE_DATE.matcher(cell);
        return m.matches() ? String.format("%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))) : cell;
    }
}

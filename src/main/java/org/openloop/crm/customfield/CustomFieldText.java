package org.openloop.crm.customfield;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Custom field values as people read them, for pages and exports: option labels in the reader's language, users by
 * name (looked up once per user for the lifetime of this object), amounts with two decimals, lists joined.
 */
public final class CustomFieldText {

    private final Locale locale;
    private final Function<Collection<UUID>, Map<UUID, String>> names;
    private final Map<UUID, String> known = new HashMap<>();

    CustomFieldText(Locale locale, Function<Collection<UUID>, Map<UUID, String>> names) {
        this.locale = locale;
        this.names = names;
    }

    /** The readable text of a value of {@code field}; empty for no value. */
    public String text(CustomFieldDefinition field, Object value) {
        if (value == null) {
            return "";
        }
        return switch (field.type()) {
            case SINGLE_SELECT -> field.optionLabel(value.toString(), locale);
            case MULTI_SELECT -> ((Collection<?>) value).stream().map(v -> field.optionLabel(v.toString(), locale))
                    .collect(Collectors.joining(", "));
            case USER -> name((UUID) value);
            case MONEY -> ((BigDecimal) value).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
            case NUMBER -> ((BigDecimal) value).toPlainString();
            default -> value.toString();
        };
    }

    /** The readable texts of a record's values, in the order of {@code fields}. */
    public List<String> texts(List<CustomFieldDefinition> fields, Map<String, Object> values) {
        return fields.stream().map(f -> text(f, values == null ? null : values.get(f.key()))).toList();
    }

    private String name(UUID user) {
        if (!known.containsKey(user)) {
            known.put(user, names.apply(List.of(user)).getOrDefault(user, user.toString()));
        }
        return known.get(user);
    }

    /** A value as the API's export writes it: as stored, lists comma-separated. */
    public static String raw(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().map(Object::toString).collect(Collectors.joining(","));
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value == null ? "" : value.toString();
    }

    /** A record's values as form inputs hold them (lists comma-separated), by key. */
    public static Map<String, String> formValues(Map<String, Object> values) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        if (values != null) {
            values.forEach((key, value) -> form.put(key, raw(value)));
        }
        return form;
    }

    /** The label of {@code field} in this reader's language. */
    public String label(CustomFieldDefinition field) {
        return field.label(locale);
    }
}

package org.openloop.crm.shared;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The single place that applies sensitive-field masking (A4). Read models (records) mark components with
 * {@link Sensitive}; facades pass every record they hand out through {@link #mask(Record)}, so pages, API, exports,
 * search results and audit views all show the same masked value to a user without {@link Authorities#VIEW_SENSITIVE}.
 * A masked component of a non-text type is returned as {@code null}.
 */
public final class SensitiveData {

    private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();

    private SensitiveData() {
    }

    /** Whether the current user may see sensitive values unmasked. Anonymous callers may not. */
    public static boolean canView() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (Authorities.VIEW_SENSITIVE.equals(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    /** Masks one value for the current user. */
    public static String mask(MaskStyle style, Object value) {
        if (value == null) {
            return null;
        }
        return canView() ? value.toString() : style.mask(value);
    }

    /** Returns the record itself when the user may see everything, else a copy with sensitive components masked. */
    public static <T extends Record> T mask(T record) {
        if (record == null || canView()) {
            return record;
        }
        RecordComponent[] components = COMPONENTS.computeIfAbsent(record.getClass(), Class::getRecordComponents);
        if (Arrays.stream(components).noneMatch(c -> c.isAnnotationPresent(Sensitive.class))) {
            return record;
        }
        try {
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                types[i] = component.getType();
                Object value = component.getAccessor().invoke(record);
                Sensitive sensitive = component.getAnnotation(Sensitive.class);
                if (sensitive != null && value != null) {
                    value = component.getType() == String.class ? sensitive.value().mask(value) : null;
                }
                values[i] = value;
            }
            Constructor<?> constructor = record.getClass().getDeclaredConstructor(types);
            constructor.setAccessible(true);
            @SuppressWarnings("unchecked")
            T masked = (T) constructor.newInstance(values);
            return masked;
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot mask " + record.getClass().getName(), e);
        }
    }

    /**
     * The value to store when a form or API client sends back a sensitive field: a user who only ever saw the mask
     * and left it unchanged keeps the stored value, instead of overwriting it with {@code 138****5678}.
     */
    public static String keepIfMasked(String field, MaskStyle style, String submitted, String stored) {
        if (submitted == null || !submitted.contains("***")) {
            return submitted;
        }
        if (stored != null && submitted.equals(style.mask(stored))) {
            return stored;
        }
        // A masked value that matches nothing stored would otherwise be saved as real data.
        throw BusinessRuleException.onField(field, "validation.masked");
    }

    /** Whether a field of a record type is marked sensitive (used by filters, sorting and audit). */
    public static boolean isSensitive(Class<?> type, String field) {
        return maskStyle(type, field) != null;
    }

    /** How a sensitive field of a record type is masked, or {@code null} for a field that is not sensitive. */
    public static MaskStyle maskStyle(Class<?> type, String field) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Sensitive sensitive = c.getDeclaredField(field).getAnnotation(Sensitive.class);
                return sensitive == null ? null : sensitive.value();
            }
            catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }
}

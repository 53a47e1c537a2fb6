package org.openloop.crm.importing.internal;

import java.text.Normalizer;
import java.util.Locale;

import org.openloop.crm.importing.ImportColumn;
import org.openloop.crm.shared.PhoneNumbers;

/** Tidies a cell before a target sees it (B9): trim, full-width to half-width, phone normalisation. */
public final class Cleaning {

    private Cleaning() {
    }

    public static String clean(String raw, ImportColumn.Cleaning how) {
        if (raw == null) {
            return null;
        }
        String value = strip(raw);
        if (value.isEmpty()) {
            return null;
        }
        return switch (how) {
            case TEXT -> value;
            case FOLDED -> fold(value);
            case EMAIL -> fold(value).toLowerCase(Locale.ROOT);
            case PHONE -> {
                String folded = fold(value);
                yield PhoneNumbers.isValid(folded) ? PhoneNumbers.normalise(folded) : folded;
            }
        };
    }

    /** NFKC (full-width letters, digits, brackets and spaces to half-width), then spaces collapsed and trimmed. */
    public static String fold(String value) {
        return strip(Normalizer.normalize(value, Normalizer.Form.NFKC).replaceAll("\\s+", " "));
    }

    /** Also removes the ideographic space and no-break spaces that {@code trim} leaves. */
    private static String strip(String value) {
        return value.replace('\u3000', ' ').replace('\u00A0', ' ').strip();
    }

    /** How headers are compared for automatic mapping: folded, lower-case, without spaces, {@code *} or {@code :}. */
    public static String headerKey(String header) {
        return header == null ? "" : fold(header).toLowerCase(Locale.ROOT).replaceAll("[\\s*:：_\\-]", "");
    }
}

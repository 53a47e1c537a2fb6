package org.openloop.crm.importing;

/**
 * A column a target accepts. {@code labelKey} is the message key of its header in templates and the mapping page;
 * columns an administrator defined (custom fields) carry their labels instead ({@code labelZh}, {@code labelEn}) and
 * no key. A file's header matches the column when it equals the key or the label in any supported language.
 * {@code cleaning} says how a cell is tidied before the target sees it.
 */
public record ImportColumn(String key, String labelKey, boolean required, Cleaning cleaning, String labelZh,
        String labelEn) {

    public enum Cleaning {
        /** Trimmed. */
        TEXT,
        /** Trimmed, full-width forms folded to half-width (NFKC): names. */
        FOLDED,
        /** Folded, and normalised by {@code PhoneNumbers} when it is a valid number (invalid ones stay as typed). */
        PHONE,
        /** Folded and lower-cased. */
        EMAIL
    }

    public static ImportColumn required(String key, String labelKey, Cleaning cleaning) {
        return new ImportColumn(key, labelKey, true, cleaning, null, null);
    }

    public static ImportColumn optional(String key, String labelKey, Cleaning cleaning) {
        return new ImportColumn(key, labelKey, false, cleaning, null, null);
    }

    /** A column whose header is given in both languages rather than by a message key (a custom field, B11). */
    public static ImportColumn labelled(String key, String labelZh, String labelEn, boolean required,
            Cleaning cleaning) {
        return new ImportColumn(key, null, required, cleaning, labelZh, labelEn);
    }
}

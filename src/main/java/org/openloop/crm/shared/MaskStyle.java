package org.openloop.crm.shared;

/**
 * How a sensitive value is masked: enough left to recognise it, not enough to use it.
 */
public enum MaskStyle {

    /** {@code 13812345678} → {@code 138****5678}. */
    PHONE,
    /** {@code zhang@example.com} → {@code z***@example.com}. */
    EMAIL,
    /** Amounts and other figures are hidden completely. */
    AMOUNT,
    /** Free text keeps its first character only. */
    TEXT;

    public static final String HIDDEN = "****";

    public String mask(Object raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.toString();
        if (value.isEmpty()) {
            return value;
        }
        return switch (this) {
            case PHONE -> maskPhone(value);
            case EMAIL -> maskEmail(value);
            case AMOUNT -> HIDDEN;
            case TEXT -> value.codePoints().limit(1)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "***";
        };
    }

    private static String maskPhone(String value) {
        String digits = value.replaceAll("[^0-9+]", "");
        if (digits.length() < 7) {
            return HIDDEN;
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    private static String maskEmail(String value) {
        int at = value.indexOf('@');
        if (at <= 0) {
            return HIDDEN;
        }
        return value.charAt(0) + "***" + value.substring(at);
    }
}

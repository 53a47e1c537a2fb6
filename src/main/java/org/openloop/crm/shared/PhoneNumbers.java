package org.openloop.crm.shared;

import java.util.regex.Pattern;

/**
 * Phone formats accepted for customers and contacts (B2): mainland mobile ({@code 13812345678}), mainland landline
 * with area code ({@code 010-12345678}, {@code 0755 1234 5678}, optional extension) and international E.164
 * ({@code +85212345678}). {@link #normalise} turns full-width digits into half-width and strips spaces and dashes, so
 * the same number is always stored (and later matched) the same way.
 */
public final class PhoneNumbers {

    private static final Pattern MOBILE = Pattern.compile("(\\+?86)?1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}\\d{7,8}(#\\d{1,6})?");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    /** Digits with the signs phone numbers are written with, half- or full-width. */
    private static final Pattern PHONE_LIKE =
            Pattern.compile("[+＋0-9０-９()（）\\-－.． ]*[0-9０-９][+＋0-9０-９()（）\\-－.． ]*");

    private PhoneNumbers() {
    }

    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        raw.trim().codePoints().forEach(c -> {
            if (c >= '０' && c <= '９') {
                out.append((char) (c - '０' + '0'));
            }
            else if (c == '＋') {
                out.append('+');
            }
            else if (c == '＃' || c == '#') {
                out.append('#');
            }
            else if (Character.isDigit(c) || c == '+') {
                out.appendCodePoint(c);
            }
            // spaces, dashes, brackets and dots are formatting only
        });
        String value = out.toString();
        return value.isEmpty() ? null : value;
    }

    /**
     * The digits a search for {@code text} should look for in stored phone numbers, which keep only digits, {@code +}
     * and {@code #} ({@link #normalise}): {@code 021-6234 5678} looks for {@code 02162345678}. Text that is not
     * written like (part of) a phone number is returned unchanged.
     */
    public static String searchable(String text) {
        if (text == null || !PHONE_LIKE.matcher(text.strip()).matches()) {
            return text;
        }
        String normalised = normalise(text);
        return normalised == null ? text : normalised;
    }

    public static boolean isValid(String raw) {
        String value = normalise(raw);
        return value != null
                && (MOBILE.matcher(value).matches() || LANDLINE.matcher(value).matches() || E164.matcher(value).matches());
    }
}

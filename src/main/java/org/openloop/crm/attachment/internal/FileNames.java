package org.openloop.crm.attachment.internal;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Cleans the file names users upload. The name is only ever metadata (content is stored under a generated key), but
 * it is shown on pages and sent back in Content-Disposition, so path parts, control and bidi-override characters
 * and characters Windows cannot save are removed, and the length is limited.
 */
public final class FileNames {

    /** Longest name kept, in code points. */
    public static final int MAX_LENGTH = 200;

    static final String FALLBACK = "file";

    private static final int MAX_EXTENSION = 20;

    private FileNames() {
    }

    public static String sanitise(String raw) {
        if (raw == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (c == '\t' || c == '\n' || c == '\r') {
                clean.append(' ');
                return;
            }
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.UNASSIGNED || Character.getType(c) == Character.PRIVATE_USE
                    || Character.getType(c) == Character.SURROGATE) {
                return;
            }
            if ("<>:\"|?*".indexOf(c) >= 0) {
                clean.append('_');
            }
            else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                clean.append(' ');
            }
            else {
                clean.appendCodePoint(c);
            }
        });
        // No hidden files, no "." or "..", and nothing Windows would silently strip at the end.
        String trimmed = clean.toString().replaceAll(" {2,}", " ").strip();
        trimmed = trimmed.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (trimmed.isEmpty()) {
            return FALLBACK;
        }
        return limit(trimmed);
    }

    /** The lower-case extension without the dot, or an empty string. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return "";
        }
        return name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String limit(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot - 1 <= MAX_EXTENSION ? name.substring(dot) : "";
        String base = extension.isEmpty() ? name : name.substring(0, dot);
        int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
        String cut = base.substring(0, base.offsetByCodePoints(0, keep)).strip();
        return cut + extension;
    }
}

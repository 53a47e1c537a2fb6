package org.openloop.crm.customer;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The comparison key of a company name for duplicate detection (B6): {@code Ａ科技（北京）有限公司}, {@code A科技公司}
 * and {@code a 科技 Co., Ltd.} share the key {@code a科技}. Full-width forms fold to half-width (NFKC), case and
 * white space are ignored, bracketed parts (usually a city or a branch) and punctuation are dropped, and legal-form
 * suffixes are removed from the end.
 */
public final class CompanyNames {

    private static final Pattern BRACKETED = Pattern.compile("[(\\[【〔［][^)\\]】〕］]*[)\\]】〕］]");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Longest first, after punctuation was dropped ("Co., Ltd." is "coltd" by then). */
    private static final List<String> SUFFIXES = List.of("股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团公司",
            "集团", "公司", "corporation", "company", "limited", "coltd", "corp", "ltd", "llc", "inc", "co");

    private CompanyNames() {
    }

    public static String key(String name) {
        if (name == null) {
            return null;
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        folded = BRACKETED.matcher(folded).replaceAll("");
        folded = NOT_LETTER_OR_DIGIT.matcher(folded).replaceAll("");
        String key = folded;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String suffix : SUFFIXES) {
                if (key.length() > suffix.length() && key.endsWith(suffix)) {
                    key = key.substring(0, key.length() - suffix.length());
                    stripped = true;
                    break;
                }
            }
        }
        return key.isEmpty() ? folded : key;
    }
}

package org.openloop.crm.search.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns text into index terms (K2). Text is normalised (NFKC folds full-width forms such as {@code Ａ科技} and
 * {@code １３８} into half-width, lower case, no white space); its terms are every single character and every pair of
 * neighbouring characters, and — inside runs of digits — every four neighbouring digits. A query of one character
 * looks up that character; a query of four or more digits looks up its digit quads (phone numbers share their digit
 * pairs with almost every other phone number, so pairs would not narrow the candidates); any other query looks up
 * its pairs. The candidates are then checked for the whole query as a substring, so the answer is exact.
 */
public final class SearchTerms {

    /** Values are joined with a separator no query can contain, so a match never spans two fields. */
    public static final String SEPARATOR = "\u001f";

    /** A long query is narrowed by this many of its pairs; the substring check does the rest. */
    static final int MAX_QUERY_TERMS = 8;

    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern PHONE_LIKE = Pattern.compile("[+0-9()\\-. ]{3,}");
    private static final Pattern NON_DIGITS = Pattern.compile("[^0-9]");

    private SearchTerms() {
    }

    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return WHITE_SPACE.matcher(folded).replaceAll("").replace(SEPARATOR, "");
    }

    /** The normalised forms a value is findable by: itself and, for phone numbers, its digits alone. */
    public static List<String> variants(String value) {
        String normalised = normalise(value);
        List<String> variants = new ArrayList<>(2);
        if (normalised.isEmpty()) {
            return variants;
        }
        variants.add(normalised);
        String trimmed = value.strip();
        if (PHONE_LIKE.matcher(Normalizer.normalize(trimmed, Normalizer.Form.NFKC)).matches()) {
            String digits = NON_DIGITS.matcher(normalised).replaceAll("");
            if (!digits.isEmpty() && !digits.equals(normalised)) {
                variants.add(digits);
            }
        }
        return variants;
    }

    /** The normalised query: phone-like input is reduced to its digits so {@code 138 0013} finds 13800138000. */
    public static String normaliseQuery(String query) {
        if (query == null) {
            return "";
        }
        String folded = Normalizer.normalize(query.strip(), Normalizer.Form.NFKC);
        if (PHONE_LIKE.matcher(folded).matches()) {
            String digits = NON_DIGITS.matcher(folded).replaceAll("");
            if (digits.length() >= 3) {
                return digits;
            }
        }
        return normalise(query);
    }

    /** Digits in a row that make one {@linkplain #termsOf quad} term. */
    static final int DIGIT_QUAD = 4;

    /** Every unigram and bigram of a normalised value, and every four neighbouring digits. */
    public static Set<String> termsOf(String normalised) {
        int[] points = normalised.codePoints().toArray();
        Set<String> terms = new LinkedHashSet<>();
        int digitRun = 0;
        for (int i = 0; i < points.length; i++) {
            terms.add(new String(points, i, 1));
            if (i + 1 < points.length) {
                terms.add(new String(points, i, 2));
            }
            digitRun = isDigit(points[i]) ? digitRun + 1 : 0;
            if (digitRun >= DIGIT_QUAD) {
                terms.add(new String(points, i - DIGIT_QUAD + 1, DIGIT_QUAD));
            }
        }
        return terms;
    }

    private static boolean isDigit(int codePoint) {
        return codePoint >= '0' && codePoint <= '9';
    }

    /** The terms a normalised query must all have: the character itself, or up to {@value #MAX_QUERY_TERMS} pairs. */
    public static Set<String> queryTerms(String normalisedQuery) {
        int[] points = normalisedQuery.codePoints().toArray();
        Set<String> terms = new LinkedHashSet<>();
        if (points.length == 1) {
            terms.add(normalisedQuery);
            return terms;
        }
        int width = points.length >= DIGIT_QUAD && java.util.Arrays.stream(points).allMatch(SearchTerms::isDigit)
                ? DIGIT_QUAD : 2;
        // spread the chosen terms over the whole query, so a long query is narrowed by its start and its end
        int pairs = points.length - width + 1;
        int step = Math.max(1, (int) Math.ceil(pairs / (double) MAX_QUERY_TERMS));
        for (int i = 0; i < pairs && terms.size() < MAX_QUERY_TERMS - 1; i += step) {
            terms.add(new String(points, i, width));
        }
        terms.add(new String(points, pairs - 1, width));
        return terms;
    }

    /** Escapes a normalised query for {@code like … escape '\'}. */
    public static String likePattern(String normalisedQuery) {
        return "%" + normalisedQuery.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}

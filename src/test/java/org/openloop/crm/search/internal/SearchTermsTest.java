package org.openloop.crm.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SearchTermsTest {

    @Test
    @DisplayName("K2: full-width letters and digits fold to half-width, case and spaces are ignored")
    void normalisesWidthCaseAndSpaces() {
        assertThat(SearchTerms.normalise("Ａ科技 公司　ＡＢＣ")).isEqualTo("a科技公司abc");
        assertThat(SearchTerms.normalise("１３８")).isEqualTo("138");
    }

    @Test
    @DisplayName("K2: a value is indexed by every character and every neighbouring pair")
    void indexesUnigramsAndBigrams() {
        assertThat(SearchTerms.termsOf("a科技")).containsExactlyInAnyOrder("a", "科", "技", "a科", "科技");
    }

    @Test
    @DisplayName("K2: one character looks up itself, two or more look up their pairs")
    void queryTerms() {
        assertThat(SearchTerms.queryTerms("科")).containsExactly("科");
        assertThat(SearchTerms.queryTerms("科技")).containsExactly("科技");
        assertThat(SearchTerms.queryTerms("科技公司")).containsExactlyInAnyOrder("科技", "技公", "公司");
    }

    @Test
    @DisplayName("K2: a long query is narrowed by a bounded number of pairs, always including its end")
    void longQueriesUseABoundedNumberOfPairs() {
        var terms = SearchTerms.queryTerms("abcdefghijklmnopqrstuvwxyz");
        assertThat(terms).hasSizeLessThanOrEqualTo(SearchTerms.MAX_QUERY_TERMS).contains("ab", "yz");
    }

    @Test
    @DisplayName("K2: phone numbers are also findable by their digits, whatever the separators")
    void phoneVariants() {
        assertThat(SearchTerms.variants("010-1234 5678")).containsExactly("010-12345678", "01012345678");
        assertThat(SearchTerms.variants("A科技公司")).containsExactly("a科技公司");
        assertThat(SearchTerms.normaliseQuery(" 138 0013 ")).isEqualTo("1380013");
        assertThat(SearchTerms.normaliseQuery("科技")).isEqualTo("科技");
    }

    @Test
    @DisplayName("K2: LIKE wildcards typed by the user are matched literally")
    void escapesLikeWildcards() {
        assertThat(SearchTerms.likePattern("50%_a\\b")).isEqualTo("%50\\%\\_a\\\\b%");
    }

    @Test
    @DisplayName("K2: characters outside the basic plane stay whole")
    void supplementaryCharacters() {
        assertThat(SearchTerms.termsOf("𠀀a")).containsExactlyInAnyOrder("𠀀", "a", "𠀀a");
    }

    @Test
    void digitRunsAreAlsoIndexedAndQueriedByQuads() {
        assertThat(SearchTerms.termsOf("a12345")).contains("1234", "2345").doesNotContain("a123", "123");
        assertThat(SearchTerms.termsOf("12a34")).noneMatch(t -> t.length() == 4);
        assertThat(SearchTerms.queryTerms("5678")).containsExactly("5678");
        assertThat(SearchTerms.queryTerms("13800138000")).contains("1380", "8000").allMatch(t -> t.length() == 4);
        assertThat(SearchTerms.queryTerms("567")).containsExactlyInAnyOrder("56", "67");
        assertThat(SearchTerms.queryTerms("a5678")).allMatch(t -> t.length() == 2);
        // every term a query looks up is a term of any value containing it, so the index never misses
        String phone = "13912345678";
        for (String query : java.util.List.of("1234", "2345678", "13912345678", "45678", "912")) {
            assertThat(SearchTerms.termsOf(phone)).containsAll(SearchTerms.queryTerms(query));
        }
    }
}

package org.openloop.crm.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.search.SearchDocument;
import org.openloop.crm.search.SearchHit;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The PostgreSQL store answers from the newest documents when they hold a full page and from the term index
 * otherwise (K2); both steps must give the newest matches in scope. H2 uses the term table instead, so this runs on
 * PostgreSQL only.
 */
@CrmIntegrationTest
@EnabledIfSystemProperty(named = "crm.test.database", matches = "postgresql")
class ArraySearchStoreTests {

    private static final int WINDOW = 4;
    private static final int WIDEST = 12;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    @DisplayName("K2 a common term is answered from the newest documents, a less common one from a wider walk, a rare one from the term index: all newest first and in scope only")
    void bothStepsGiveTheNewestMatchesInScope() {
        String type = "t" + TestData.unique();
        UUID owner = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        ArraySearchStore store = new ArraySearchStore(jdbc, WINDOW, WIDEST);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<IndexedDocument> documents = new ArrayList<>();
        List<UUID> commonOfOwner = new ArrayList<>();
        List<UUID> everyOther = new ArrayList<>();
        // 12 documents of the owner, newest last; "甲乙" in every one, "丙丁" only in the oldest two, "庚辛" in
        // every other one (two in the first window of four: a wider walk of nine finds a page of three)
        for (int i = 0; i < 12; i++) {
            UUID id = UUID.randomUUID();
            String name = (i < 2 ? "甲乙丙丁公司" : "甲乙公司") + (i % 2 == 1 ? "庚辛" : "") + i;
            documents.add(indexed(type, id, owner, name, start.plusSeconds(i)));
            commonOfOwner.add(0, id);
            if (i % 2 == 1) {
                everyOther.add(0, id);
            }
        }
        // newer documents of someone else with both terms, which the owner must not get
        for (int i = 0; i < 5; i++) {
            documents.add(indexed(type, UUID.randomUUID(), other, "甲乙丙丁他人" + i, start.plusSeconds(100 + i)));
        }
        transactions.executeWithoutResult(status -> store.write(documents));

        List<SearchHit> common = find(store, type, "甲乙", owner, 3);
        assertThat(common).extracting(SearchHit::recordId).containsExactlyElementsOf(commonOfOwner.subList(0, 3));

        List<SearchHit> rare = find(store, type, "丙丁", owner, 3);
        assertThat(rare).extracting(SearchHit::recordId)
                .containsExactlyElementsOf(commonOfOwner.subList(10, 12));

        List<SearchHit> wider = find(store, type, "庚辛", owner, 3);
        assertThat(wider).extracting(SearchHit::recordId).containsExactlyElementsOf(everyOther.subList(0, 3));
        assertThat(find(store, type, "庚辛", owner, 10)).extracting(SearchHit::recordId)
                .containsExactlyElementsOf(everyOther);

        List<SearchHit> companyWide = find(store, type, "丙丁", null, 20);
        assertThat(companyWide).hasSize(7);
        assertThat(find(store, type, "戊", owner, 3)).isEmpty();
    }

    @Test
    @DisplayName("K2 a term rare in the newest type and common in an older one gives the newest matches of both, "
            + "in one order, whichever step settles each type")
    void typesAreMatchedOneByOne() {
        String newer = "n" + TestData.unique();
        String older = "o" + TestData.unique();
        UUID owner = UUID.randomUUID();
        ArraySearchStore store = new ArraySearchStore(jdbc, WINDOW, WIDEST);
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        List<IndexedDocument> documents = new ArrayList<>();
        List<UUID> expected = new ArrayList<>();
        // 20 documents of the newer type, one of them (the oldest but one) holding "王"; 20 older documents of the
        // other type, every one of them holding it
        for (int i = 0; i < 20; i++) {
            UUID id = UUID.randomUUID();
            documents.add(indexed(newer, id, owner, (i == 1 ? "王氏" : "李氏") + "公司" + i, start.plusSeconds(1000 + i)));
            if (i == 1) {
                expected.add(id);
            }
        }
        List<UUID> olderOnes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID id = UUID.randomUUID();
            documents.add(indexed(older, id, owner, "王公司" + i, start.plusSeconds(i)));
            olderOnes.add(0, id);
        }
        transactions.executeWithoutResult(status -> store.write(documents));
        expected.addAll(olderOnes.subList(0, 4));

        assertThat(find(store, Set.of(newer, older), "王", owner, 5)).extracting(SearchHit::recordId)
                .containsExactlyElementsOf(expected);
        // the newer type's twenty documents fill a page of "公司" before any older one could be on it
        assertThat(find(store, Set.of(newer, older), "公司", owner, 5)).extracting(SearchHit::recordType)
                .containsOnly(newer);
    }

    @Test
    @DisplayName("K2 whatever the mix of types, times, owners and terms, a search gives exactly what reading every "
            + "matching document in scope would, in the same order")
    void stepsAgreeWithReadingEveryMatch() {
        List<String> types = List.of("a" + TestData.unique(), "b" + TestData.unique(), "c" + TestData.unique());
        List<UUID> owners = List.of(UUID.randomUUID(), UUID.randomUUID());
        String[] words = {"甲", "乙", "丙"};
        java.util.Random random = new java.util.Random(42);
        Instant start = Instant.parse("2026-04-01T00:00:00Z");
        List<IndexedDocument> documents = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String type = types.get(random.nextInt(types.size()));
            // each type its own mix: "甲" common everywhere, "乙" common in one type, "丙" rare
            StringBuilder name = new StringBuilder("记录" + i);
            if (random.nextInt(3) > 0) {
                name.append(words[0]);
            }
            if (type.equals(types.get(1)) ? random.nextInt(2) == 0 : random.nextInt(15) == 0) {
                name.append(words[1]);
            }
            if (random.nextInt(25) == 0) {
                name.append(words[2]);
            }
            // the third type is older than the others, several documents share a time
            long seconds = type.equals(types.get(2)) ? random.nextInt(50) : 100 + random.nextInt(200);
            documents.add(indexed(type, UUID.randomUUID(), owners.get(random.nextInt(2)), name.toString(),
                    start.plusSeconds(seconds)));
        }
        transactions.executeWithoutResult(status -> store(WINDOW, WIDEST).write(documents));

        for (int[] windows : new int[][] {{WINDOW, WIDEST}, {2, 3}, {50, 200}}) {
            ArraySearchStore store = store(windows[0], windows[1]);
            for (String word : List.of("甲", "乙", "丙", "记录1", "丁")) {
                for (UUID scope : java.util.Arrays.asList(null, owners.get(0))) {
                    for (int limit : new int[] {1, 3, 10, 60}) {
                        assertThat(find(store, Set.copyOf(types), word, scope, limit))
                                .as("%s as %s, limit %d, windows %d/%d", word, scope, limit, windows[0], windows[1])
                                .extracting(SearchHit::recordId)
                                .containsExactlyElementsOf(everyMatch(types, word, scope, limit));
                    }
                }
            }
        }
    }

    private ArraySearchStore store(int window, int widest) {
        return new ArraySearchStore(jdbc, window, widest);
    }

    /** The page as a single query over every matching document would give it. */
    private List<UUID> everyMatch(List<String> types, String text, UUID scopeUser, int limit) {
        String normalised = SearchTerms.normaliseQuery(text);
        var parameters = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("types", types).addValue("pattern", SearchTerms.likePattern(normalised))
                .addValue("limit", limit).addValue("user", scopeUser);
        return jdbc.queryForList("select record_id from search_document where record_type in (:types)"
                + " and public_text like :pattern escape '\\'"
                + (scopeUser == null ? "" : " and owner_id = :user")
                + " order by archived, updated_at desc, record_id limit :limit", parameters, UUID.class);
    }

    @Test
    @DisplayName("K2/K3 a list's text search gets the ids of the type's matches in the reader's scope from the term "
            + "index while there are at most the cap, and nothing (search the columns) when there are more")
    void idsForLists() {
        String type = "t" + TestData.unique();
        String otherType = "u" + TestData.unique();
        UUID owner = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        ArraySearchStore store = new ArraySearchStore(jdbc);
        Instant at = Instant.parse("2026-02-01T00:00:00Z");
        List<IndexedDocument> documents = new ArrayList<>();
        List<UUID> owners = new ArrayList<>();
        List<UUID> everyone = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            owners.add(id);
            everyone.add(id);
            documents.add(indexed(type, id, owner, "壬癸列表" + i, at.plusSeconds(i)));
        }
        for (int i = 0; i < 2; i++) {
            UUID id = UUID.randomUUID();
            everyone.add(id);
            documents.add(indexed(type, id, other, "壬癸他人" + i, at.plusSeconds(i)));
        }
        documents.add(indexed(type, UUID.randomUUID(), owner, "壬子列表", at));
        documents.add(indexed(otherType, UUID.randomUUID(), owner, "壬癸他类", at));
        transactions.executeWithoutResult(status -> store.write(documents));

        assertThat(ids(store, type, null, 5)).contains(Set.copyOf(everyone));
        assertThat(ids(store, type, null, 4)).isEmpty();
        // in the owner's scope only their three count towards the cap
        assertThat(ids(store, type, owner, 3)).contains(Set.copyOf(owners));
        assertThat(ids(store, type, owner, 2)).isEmpty();
        // the statistics behind the common-term shortcut are read from the catalogue without error
        assertThat(transactions.execute(status -> store.termStatistics()).documents()).isNotNegative();
    }

    private java.util.Optional<Set<UUID>> ids(ArraySearchStore store, String type, UUID scopeUser, int cap) {
        String normalised = SearchTerms.normaliseQuery("壬癸");
        return transactions.execute(status -> store.idsMatching(new SearchQuery(Set.of(type),
                SearchTerms.queryTerms(normalised), SearchTerms.likePattern(normalised), false, scopeUser, Set.of(),
                Set.of(), cap)));
    }

    private List<SearchHit> find(ArraySearchStore store, String type, String text, UUID scopeUser, int limit) {
        return find(store, Set.of(type), text, scopeUser, limit);
    }

    private List<SearchHit> find(ArraySearchStore store, Set<String> types, String text, UUID scopeUser,
            int limit) {
        String normalised = SearchTerms.normaliseQuery(text);
        return transactions.execute(status -> store.find(new SearchQuery(types,
                SearchTerms.queryTerms(normalised), SearchTerms.likePattern(normalised), false, scopeUser, Set.of(),
                Set.of(), limit)));
    }

    private static IndexedDocument indexed(String type, UUID id, UUID owner, String name, Instant updatedAt) {
        List<String> variants = SearchTerms.variants(name);
        Set<String> terms = new java.util.LinkedHashSet<>();
        variants.forEach(v -> terms.addAll(SearchTerms.termsOf(v)));
        String text = SearchTerms.SEPARATOR + String.join(SearchTerms.SEPARATOR, variants) + SearchTerms.SEPARATOR;
        return new IndexedDocument(new SearchDocument(type, id, owner, null, name, null, "/x/" + id, false,
                List.of(name), List.of()), text, SearchTerms.SEPARATOR, terms, Set.of(), updatedAt);
    }
}

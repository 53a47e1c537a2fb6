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
        String normalised = SearchTerms.normaliseQuery(text);
        return transactions.execute(status -> store.find(new SearchQuery(Set.of(type),
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

package org.openloop.crm.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * {@link SearchIndex#indexAll} on the configured database (term rows on H2, term arrays on PostgreSQL): documents
 * written in one batch are found like documents indexed one at a time, with the same rules (K2, A3, A4).
 */
@CrmIntegrationTest
class SearchIndexBatchTests {

    @Autowired
    Api api;

    @Autowired
    SearchIndex index;

    private DemoOrganization.DemoUser sales1;

    @BeforeEach
    void sales1() {
        if (sales1 == null) {
            sales1 = DemoOrganization.load(api).user("sales1");
        }
    }

    /** A character from the CJK Extension A block, which no other test data uses. */
    private static String rareCharacter() {
        return new String(Character.toChars(0x3400 + ThreadLocalRandom.current().nextInt(0x19B0)));
    }

    private static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private SearchDocument document(String title, boolean archived, List<String> publicText,
            List<String> sensitiveText) {
        UUID id = UUID.randomUUID();
        return new SearchDocument("customer", id, sales1.id(), sales1.departmentId(), title, null, "/customers/" + id,
                archived, publicText, sensitiveText);
    }

    private List<String> titles(String username, String query) {
        Api.Response response = api.get("/api/v1/search?limit=50&type=customer&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8)).as(username).send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        for (JsonNode hit : response.json().get("items")) {
            titles.add(hit.get("title").asString());
        }
        return titles;
    }

    @Test
    @DisplayName("K2: every document of an indexAll batch is found by its name, its one- and two-character Chinese "
            + "and its phone digits")
    void indexAllThenSearchFindsEachDocument() {
        String marker = TestData.unique();
        List<SearchDocument> documents = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String name = rareCharacter() + rareCharacter() + "批量" + marker + "号" + i;
            String phone = mobile();
            phones.add(phone);
            documents.add(document(name, false, List.of(name), List.of(phone)));
        }
        index.indexAll(documents);

        for (int i = 0; i < documents.size(); i++) {
            String name = documents.get(i).title();
            assertThat(titles("sales1", name)).as("whole name").containsExactly(name);
            assertThat(titles("sales1", name.substring(0, 1))).as("one character").contains(name);
            assertThat(titles("sales1", name.substring(0, 2))).as("two characters").contains(name);
            assertThat(titles("sales1", phones.get(i).substring(5))).as("six digits").contains(name);
        }
        assertThat(titles("sales1", "批量" + marker)).hasSize(documents.size());
    }

    @Test
    @DisplayName("K2/A4: terms of sensitive text find a batch-indexed record only for holders of sensitive:view")
    void sensitiveTermsHiddenWithoutTheRight() {
        String name = rareCharacter() + "敏感" + TestData.unique();
        String phone = mobile();
        index.indexAll(List.of(document(name, false, List.of(name), List.of(phone))));

        assertThat(titles("sales1", phone)).containsExactly(name);
        assertThat(titles("sales1", phone.substring(7))).as("four digits").contains(name);
        // the service user sees the whole company but has no sensitive right
        assertThat(titles("service1", name)).containsExactly(name);
        assertThat(titles("service1", phone)).isEmpty();
        assertThat(titles("service1", phone.substring(7))).doesNotContain(name);
        assertThat(titles("sales2", name)).as("another team's rep (A3)").isEmpty();
    }

    @Test
    @DisplayName("K2: a match lies within one text — public and sensitive text together do not make one")
    void aMatchComesFromOneText() {
        String marker = TestData.unique();
        String name = rareCharacter() + "甲乙" + marker;
        index.indexAll(List.of(document(name, false, List.of(name), List.of("乙丙" + marker))));

        assertThat(titles("sales1", "甲乙" + marker)).containsExactly(name);
        assertThat(titles("sales1", "乙丙" + marker)).containsExactly(name);
        assertThat(titles("sales1", "甲乙丙" + marker)).isEmpty();
    }

    @Test
    @DisplayName("K2: indexAll replaces what was indexed for a record, the last document of a record in a batch "
            + "wins, archived records come last")
    void replacesAndOrders() {
        String marker = TestData.unique();
        SearchDocument first = document("旧名" + marker, false, List.of("旧名" + marker), List.of());
        index.indexAll(List.of(first));
        SearchDocument renamed = new SearchDocument("customer", first.recordId(), sales1.id(), sales1.departmentId(),
                "新名" + marker, null, first.path(), false, List.of("新名" + marker), List.of());
        SearchDocument archived = document("归档" + marker, true, List.of("归档" + marker), List.of());
        SearchDocument current = document("现行" + marker, false, List.of("现行" + marker), List.of());
        SearchDocument overwritten = document("作废" + marker, false, List.of("作废" + marker), List.of());
        SearchDocument sameRecord = new SearchDocument("customer", overwritten.recordId(), sales1.id(),
                sales1.departmentId(), "保留" + marker, null, overwritten.path(), false, List.of("保留" + marker),
                List.of());
        index.indexAll(List.of(renamed, archived, overwritten, sameRecord));
        index.indexAll(List.of(current));

        assertThat(titles("sales1", "旧名" + marker)).isEmpty();
        assertThat(titles("sales1", "作废" + marker)).isEmpty();
        List<String> found = titles("sales1", marker);
        assertThat(found).containsExactlyInAnyOrder("现行" + marker, "保留" + marker, "新名" + marker,
                "归档" + marker);
        assertThat(found.get(0)).as("most recently indexed first").isEqualTo("现行" + marker);
        assertThat(found.get(3)).as("archived last").isEqualTo("归档" + marker);

        index.remove("customer", current.recordId());
        assertThat(titles("sales1", marker)).containsExactlyInAnyOrder("保留" + marker, "新名" + marker,
                "归档" + marker);
    }
}

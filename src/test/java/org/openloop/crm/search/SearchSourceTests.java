package org.openloop.crm.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;


/** The modules' search sources (K2): what a rebuild of the index reads, and how. */
@CrmIntegrationTest
class SearchSourceTests {

    /** The record types read from a repository, with their tables. */
    private static final Map<String, String> TABLES = Map.of("interaction", "interaction", "task", "task",
            "product", "product", "contract", "contract", "campaign", "campaign", "quote", "quote", "opportunity",
            "opportunity");

    @Autowired
    Api api;

    @Autowired
    List<SearchSource> sources;

    @Autowired
    SearchIndex index;

    @Autowired
    JdbcClient jdbc;

    /** Thrown from a sink to stop a source after its first document. */
    private static final class Enough extends RuntimeException {
    }

    private List<String> paths(String query) {
        return CustomerRecordsFixture.paths(api, query);
    }

    @Test
    @DisplayName("K2: every source hands over its documents inside a read-only transaction of its own")
    void readOnlyTransaction() {
        CustomerRecordsFixture.create(api, "只读客户" + TestData.unique());
        CustomerRecordsFixture.created(api.post("/api/v1/tasks").as("sales1").json(Map.of("subject",
                "任务" + TestData.unique(), "dueAt", "2030-01-01T00:00:00Z")).send());
        CustomerRecordsFixture.created(api.post("/api/v1/campaigns").as("manager")
                .json(Map.of("name", "活动" + TestData.unique(), "type", "CONFERENCE")).send());
        assertThat(sources).extracting(SearchSource::recordType).containsAll(TABLES.keySet());
        for (SearchSource source : sources) {
            boolean[] transaction = new boolean[2];
            assertThatThrownBy(() -> source.forEachDocument(document -> {
                transaction[0] = TransactionSynchronizationManager.isActualTransactionActive();
                transaction[1] = TransactionSynchronizationManager.isCurrentTransactionReadOnly();
                throw new Enough();
            })).as(source.recordType()).isInstanceOf(Enough.class);
            assertThat(transaction).as(source.recordType()).containsExactly(true, true);
        }
    }

    @Test
    @DisplayName("K2: customers' and contacts' documents read for a rebuild carry their records' last change, so a "
            + "rebuild keeps results newest first instead of putting the rebuilt type ahead of every other")
    void rebuiltDocumentsKeepTheirRecordsTime() {
        String customerId = TestData.createCustomer(api, "sales1", Map.of("name", "重建时间" + TestData.unique()))
                .get("id").asString();
        String contactId = api.post("/api/v1/contacts").as("sales1").json(Map.of("customerId", customerId,
                "name", "重建联系人")).send().json().get("id").asString();
        for (String[] record : List.of(new String[] { "customer", customerId }, new String[] { "contact", contactId })) {
            java.time.Instant stored = jdbc.sql("select updated_at from " + record[0] + " where id = ?")
                    .param(java.util.UUID.fromString(record[1])).query(java.time.OffsetDateTime.class).single()
                    .toInstant();
            SearchSource source = sources.stream().filter(s -> s.recordType().equals(record[0])).findFirst()
                    .orElseThrow();
            java.time.Instant[] changedAt = new java.time.Instant[1];
            source.forEachDocument(document -> {
                if (document.recordId().toString().equals(record[1])) {
                    changedAt[0] = document.changedAt();
                }
            });
            assertThat(changedAt[0]).as(record[0]).isEqualTo(stored);
        }
    }

    @Test
    @DisplayName("K2: a rebuild from a module's source indexes every record of its table, which stay findable — "
            + "contracts and interactions by their customer's name")
    void rebuild() {
        CustomerRecordsFixture records = CustomerRecordsFixture.create(api, "重建客户" + TestData.unique());
        for (SearchSource source : sources) {
            String table = TABLES.get(source.recordType());
            if (table == null) {
                continue;
            }
            long indexed = index.rebuild(source);
            assertThat(indexed).as(table)
                    .isEqualTo(jdbc.sql("select count(*) from " + table).query(Long.class).single())
                    .isEqualTo(index.count(source.recordType()));
            assertThat(index.isEmpty(source.recordType())).as(table).isEqualTo(indexed == 0);
        }
        assertThat(index.isEmpty("no-such-type")).isTrue();
        assertThat(paths(records.customerName())).contains(records.contractPath(), records.interactionPath(),
                records.quotePath());
        assertThat(paths(records.quoteNumber())).contains(records.quotePath());
    }
}

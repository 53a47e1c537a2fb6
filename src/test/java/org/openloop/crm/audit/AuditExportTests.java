package org.openloop.crm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.shared.ListQuery;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** The audit trail export (A6): every entry the filters select, over as many pages as it takes, in list order. */
@CrmIntegrationTest
class AuditExportTests {

    @Autowired
    Api api;

    /** The ids of the entries the list answers for {@code filter}, page after page. */
    private List<String> listed(String filter) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api.get("/api/v1/audit-events?size=100&" + filter
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)))
                    .as("admin").send();
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            JsonNode json = page.json();
            json.get("items").forEach(item -> ids.add(item.get("id").asString()));
            JsonNode next = json.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        }
        while (cursor != null);
        return ids;
    }

    @Test
    @DisplayName("A6: the audit export holds every entry the list shows for the same filters, across pages")
    void exportsEveryPage() throws IOException {
        String filter = "before=" + URLEncoder.encode(Instant.now().toString(), StandardCharsets.UTF_8);
        List<String> listed = listed(filter);
        if (listed.size() <= ListQuery.MAX_SIZE) {
            // a fresh database: add entries until the trail needs more than one export page
            for (int i = listed.size(); i <= ListQuery.MAX_SIZE; i++) {
                TestData.createCustomer(api, "sales1", Map.of("name", "审计导出" + TestData.unique()));
            }
            filter = "before=" + URLEncoder.encode(Instant.now().toString(), StandardCharsets.UTF_8);
            listed = listed(filter);
        }
        assertThat(listed).hasSizeGreaterThan(ListQuery.MAX_SIZE);

        Api.Response export = api.get("/api/v1/audit-events/export?format=csv&" + filter).as("admin").send();
        assertThat(export.status()).as("%s", export).isEqualTo(200);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(export.text().replace("\uFEFF", ""))).getRecords();
        assertThat(records).hasSize(listed.size());
        assertThat(records.get(0).get("action")).isNotBlank();
    }
}

package org.openloop.crm.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openloop.crm.importing.ImportFixtures.csv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Imports write rows in chunks that share a transaction (B9): every row keeps its own result, a failing row is undone
 * alone, later rows see earlier rows of the same file, and a cancel stops the job within the chunk it is in.
 */
@CrmIntegrationTest
class ImportChunkTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Value("${crm.import.chunk-size:200}")
    int chunkSize;

    @Test
    @DisplayName("B9 a row that throws, or reports an error after writing, is undone alone: the other rows of its chunk are stored with their own results, and a chunk without failures is written in one go")
    void failingRowsAreUndoneAlone() {
        String u = TestData.unique();
        // the third chunk has no failing row
        int rows = 2 * chunkSize + chunkSize / 2;
        // file row numbers start at 2 (the header is row 1); failures early and late in the first chunk and in the second
        Map<Integer, String> failing = Map.of(3, "throw", chunkSize - 10, "error", chunkSize + 1, "error",
                chunkSize + 20, "throw");
        List<String> lines = new ArrayList<>();
        lines.add("Name,Fail");
        for (int number = 2; number < rows + 2; number++) {
            lines.add("分块" + u + "-" + number + "," + failing.getOrDefault(number, ""));
        }
        JsonNode job = ImportFixtures.run(api, FailingRowsImportTarget.RECORD_TYPE, "sales1", "chunks.csv",
                csv(lines.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8), "CREATE", false);

        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("processedRows").asInt()).isEqualTo(rows);
        assertThat(job.get("created").asInt()).isEqualTo(rows - failing.size());
        assertThat(job.get("errors").asInt()).isEqualTo(failing.size());
        List<JsonNode> results = allRows(job.get("id").asString());
        assertThat(results).hasSize(rows);
        for (JsonNode result : results) {
            int number = result.get("rowNumber").asInt();
            String name = "分块" + u + "-" + number;
            List<UUID> stored = jdbc.sql("select id from customer where name = ?").param(name).query(UUID.class)
                    .list();
            if (failing.containsKey(number)) {
                assertThat(result.get("outcome").asString()).as("row %d", number).isEqualTo("ERROR");
                assertThat(stored).as("what failing row %d wrote is rolled back", number).isEmpty();
            }
            else {
                assertThat(result.get("outcome").asString()).as("row %d", number).isEqualTo("CREATED");
                assertThat(stored).as("row %d is stored once", number).hasSize(1);
                assertThat(result.get("recordId").asString()).isEqualTo(stored.get(0).toString());
            }
        }
        assertThat(results.stream().filter(r -> r.get("rowNumber").asInt() == chunkSize - 10).findFirst()
                .orElseThrow().get("message").asString()).contains("failing row " + (chunkSize - 10));
        assertThat(jdbc.sql("select count(*) from customer where name like ?").param("分块" + u + "-%")
                .query(Long.class).single()).isEqualTo(rows - failing.size());
    }

    @Test
    @DisplayName("B6/B9 a duplicate of an earlier row of the same chunk is found under SKIP: by name key, by phone and by e-mail")
    void duplicateWithinChunkIsSkipped() {
        String u = TestData.unique();
        String phone = TestData.uniqueMobile();
        String email = "chunk" + u + "@example.com";
        byte[] content = csv("客户名称,电话,邮箱",
                "块内" + u + "科技(北京)有限公司," + phone + "," + email,
                "块内" + u + "科技（北京）有限公司,,",
                "另一" + u + "公司," + phone + ",",
                "第三" + u + "公司,,CHUNK" + u + "@Example.com",
                "第四" + u + "公司,,").getBytes(StandardCharsets.UTF_8);
        JsonNode job = ImportFixtures.run(api, "sales1", "same-chunk.csv", content, "SKIP", false);

        assertThat(job.get("created").asInt()).as("%s", job).isEqualTo(2);
        assertThat(job.get("skipped").asInt()).isEqualTo(3);
        List<JsonNode> results = ImportFixtures.rows(api, "sales1", job.get("id").asString());
        String first = results.get(0).get("recordId").asString();
        assertThat(results.get(0).get("outcome").asString()).isEqualTo("CREATED");
        for (int i = 1; i <= 3; i++) {
            assertThat(results.get(i).get("outcome").asString()).as("row %d", i + 2).isEqualTo("SKIPPED");
            assertThat(results.get(i).get("recordId").asString()).as("row %d", i + 2).isEqualTo(first);
        }
        assertThat(results.get(4).get("outcome").asString()).isEqualTo("CREATED");
        assertThat(jdbc.sql("select count(*) from customer where phone = ?").param(phone).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("B6/B9 under CREATE a repeat of an earlier row of the same chunk is created too, and its result names the earlier row's new customer")
    void duplicateWithinChunkIsCreatedUnderCreate() {
        String u = TestData.unique();
        String phone = TestData.uniqueMobile();
        byte[] content = csv("客户名称,电话",
                "重复" + u + "贸易有限公司," + phone,
                "重复" + u + "贸易有限公司,",
                "别名" + u + "公司," + phone).getBytes(StandardCharsets.UTF_8);
        JsonNode job = ImportFixtures.run(api, "sales1", "same-chunk-create.csv", content, "CREATE", false);

        assertThat(job.get("created").asInt()).as("%s", job).isEqualTo(3);
        List<JsonNode> results = ImportFixtures.rows(api, "sales1", job.get("id").asString());
        String number = jdbc.sql("select number from customer where id = ?")
                .param(UUID.fromString(results.get(0).get("recordId").asString())).query(String.class).single();
        assertThat(results.get(0).get("message").asString()).contains(number);
        for (int i = 1; i <= 2; i++) {
            assertThat(results.get(i).get("outcome").asString()).isEqualTo("CREATED");
            assertThat(results.get(i).get("recordId").asString()).isNotEqualTo(results.get(0).get("recordId")
                    .asString());
            assertThat(results.get(i).get("message").asString()).as("row %d names the earlier customer", i + 2)
                    .contains(number).contains("重复" + u);
        }
        assertThat(jdbc.sql("select count(distinct number) from customer where name like ? or name like ?")
                .params("重复" + u + "%", "别名" + u + "%").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    @DisplayName("B9 a cancel while rows are being written stops the job within one chunk; what was written stays and is reported")
    void cancelStopsWithinTheChunk() throws InterruptedException {
        String u = TestData.unique();
        int rows = chunkSize * 25;
        List<String> lines = new ArrayList<>();
        lines.add("Customer name");
        for (int i = 0; i < rows; i++) {
            lines.add("中途" + u + "-" + i);
        }
        JsonNode upload = ImportFixtures.uploaded(api, "sales1", "cancel.csv",
                csv(lines.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8), null);
        String id = upload.get("job").get("id").asString();
        assertThat(ImportFixtures.start(api, "sales1", id, Map.of("name", "Customer name"), "CREATE", false)
                .status()).isEqualTo(202);
        long deadline = System.currentTimeMillis() + 120_000;
        while (api.get("/api/v1/imports/jobs/" + id).as("sales1").send().json().get("processedRows").asInt() == 0) {
            assertThat(System.currentTimeMillis()).as("the first chunk is stored in time").isLessThan(deadline);
            Thread.sleep(20);
        }
        Api.Response cancelled = api.post("/api/v1/imports/jobs/" + id + "/cancel").as("sales1").send();
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        int processedWhenCancelled = cancelled.json().get("processedRows").asInt();

        JsonNode job = ImportFixtures.await(api, "sales1", id);
        assertThat(job.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(job.get("processedRows").asInt()).isLessThan(rows)
                .isLessThanOrEqualTo(processedWhenCancelled + chunkSize);
        long written = jdbc.sql("select count(*) from customer where name like ?").param("中途" + u + "-%")
                .query(Long.class).single();
        assertThat(written).isEqualTo(job.get("created").asLong()).isEqualTo(job.get("processedRows").asLong());
        assertThat(jdbc.sql("select count(*) from import_row_result where job_id = ?").param(UUID.fromString(id))
                .query(Long.class).single()).isEqualTo(job.get("processedRows").asLong());
    }

    private List<JsonNode> allRows(String jobId) {
        List<JsonNode> rows = new ArrayList<>();
        int after = 0;
        while (true) {
            Api.Response response = api.get("/api/v1/imports/jobs/" + jobId + "/rows?size=500&after=" + after)
                    .as("sales1").send();
            assertThat(response.status()).as("%s", response).isEqualTo(200);
            List<JsonNode> page = new ArrayList<>();
            response.json().forEach(page::add);
            rows.addAll(page);
            if (page.size() < 500) {
                return rows;
            }
            after = page.get(page.size() - 1).get("rowNumber").asInt();
        }
    }
}

package org.openloop.crm.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openloop.crm.importing.ImportFixtures.csv;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Importing customers (B9) over the REST API: formats, encodings, mapping, policies, scope, limits and reports. */
@CrmIntegrationTest
class ImportTests {

    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("B9 CSV in UTF-8 with BOM and Chinese headers: customers and their contacts are created for the importer")
    void csvUtf8WithBom() {
        String u = TestData.unique();
        String m1 = TestData.uniqueMobile();
        String m2 = TestData.uniqueMobile();
        byte[] content = concat(BOM, csv("客户名称,电话,联系人姓名,联系人手机,联系人职务",
                "导入甲" + u + "有限公司," + m1 + ",张三" + u + "," + TestData.uniqueMobile() + ",经理",
                "导入乙" + u + "有限公司," + m2 + ",,,").getBytes(StandardCharsets.UTF_8));
        JsonNode job = ImportFixtures.run(api, "sales1", "客户.csv", content, "SKIP", false);
        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("created").asInt()).isEqualTo(2);
        assertThat(job.get("encoding").asString()).isEqualTo("UTF-8");
        assertThat(ownerOf("导入甲" + u + "有限公司")).isEqualTo(userId("sales1"));
        assertThat(jdbc.sql("select count(*) from contact where name = ?").param("张三" + u).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("select source from customer where name = ?").param("导入乙" + u + "有限公司")
                .query(String.class).single()).isEqualTo("IMPORT");
    }

    @Test
    @DisplayName("B9 CSV in UTF-8 without BOM, English headers: full-width digits, spaces and upper-case e-mails are cleaned")
    void csvUtf8WithoutBomIsCleaned() {
        String u = TestData.unique();
        String mobile = TestData.uniqueMobile();
        String fullWidth = mobile.chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０')))
                .reduce("", String::concat);
        byte[] content = csv("Customer name,Phone,E-mail",
                "\"  Ｗｉｄｅ" + u + " Ltd \",\"" + fullWidth.substring(0, 3) + " " + fullWidth.substring(3) + "\","
                        + "Sales" + u + "@Example.COM").getBytes(StandardCharsets.UTF_8);
        JsonNode job = ImportFixtures.run(api, "sales1", "wide.csv", content, "SKIP", false);
        assertThat(job.get("created").asInt()).as("%s", job).isEqualTo(1);
        Map<String, Object> stored = jdbc.sql("select phone, email from customer where name = ?")
                .param("Wide" + u + " Ltd").query().singleRow();
        assertThat(stored.get("phone")).isEqualTo(mobile);
        assertThat(stored.get("email")).isEqualTo("sales" + u + "@example.com");
    }

    @Test
    @DisplayName("B9 CSV written by Chinese Excel (GBK) is detected and read correctly; GBK can also be chosen explicitly")
    void csvGbk() {
        String u = TestData.unique();
        Charset gbk = Charset.forName("GBK");
        byte[] content = csv("客户名称,所属行业", "北京导入" + u + "科技有限公司,制造业").getBytes(gbk);
        JsonNode job = ImportFixtures.run(api, "sales1", "gbk.csv", content, "SKIP", false);
        assertThat(job.get("encoding").asString()).isEqualTo("GBK");
        assertThat(job.get("created").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select industry from customer where name = ?").param("北京导入" + u + "科技有限公司")
                .query(String.class).single()).isEqualTo("制造业");

        JsonNode chosen = ImportFixtures.uploaded(api, "sales1", "gbk2.csv",
                csv("客户名称", "上海" + u).getBytes(gbk), "GBK");
        assertThat(chosen.get("job").get("encoding").asString()).isEqualTo("GBK");
        assertThat(chosen.get("suggestedMapping").get("name").asString()).isEqualTo("客户名称");
    }

    @Test
    @DisplayName("B9 xlsx: numeric phone cells and formula cells (cached value, never evaluated) are imported")
    void xlsx() {
        String u = TestData.unique();
        long mobile = Long.parseLong(TestData.uniqueMobile());
        byte[] content = ImportFixtures.xlsx(List.of(
                List.of("客户名称 *", "电话", "Contact name"),
                Arrays.asList("表格" + u + "公司", mobile, "李四"),
                Arrays.asList("=CONCATENATE(\"公式\",\"" + u + "\")", null, null)));
        JsonNode job = ImportFixtures.run(api, "sales1", "customers.xlsx", content, "SKIP", false);
        assertThat(job.get("created").asInt()).as("%s", ImportFixtures.rows(api, "sales1", job.get("id").asString()))
                .isEqualTo(2);
        assertThat(jdbc.sql("select phone from customer where name = ?").param("表格" + u + "公司")
                .query(String.class).single()).isEqualTo(String.valueOf(mobile));
        assertThat(countByName("公式" + u)).isEqualTo(1);
    }

    @Test
    @DisplayName("B9 the column mapping a user chose is remembered for their next file of the same record type")
    void mappingRemembered() {
        String u = TestData.unique();
        byte[] first = csv("公司" + u + ",手机号码", "记忆" + u + "," + TestData.uniqueMobile())
                .getBytes(StandardCharsets.UTF_8);
        JsonNode upload = ImportFixtures.uploaded(api, "sales2", "first.csv", first, null);
        assertThat(upload.get("suggestedMapping").has("name")).isFalse();
        String id = upload.get("job").get("id").asString();
        assertThat(ImportFixtures.start(api, "sales2", id, Map.of("name", "公司" + u, "phone", "手机号码"), "SKIP",
                true).status()).isEqualTo(202);
        ImportFixtures.await(api, "sales2", id);

        JsonNode second = ImportFixtures.uploaded(api, "sales2", "second.csv", first, null);
        assertThat(second.get("suggestedMapping").get("name").asString()).isEqualTo("公司" + u);
        assertThat(second.get("suggestedMapping").get("phone").asString()).isEqualTo("手机号码");
        // another user has no such memory
        JsonNode other = ImportFixtures.uploaded(api, "sales1", "other.csv", first, null);
        assertThat(other.get("suggestedMapping").has("name")).isFalse();
    }

    @Test
    @DisplayName("B9 a dry run reports what would happen and writes nothing")
    void dryRunWritesNothing() {
        String u = TestData.unique();
        byte[] content = csv("Customer name,Phone", "试运行" + u + "," + TestData.uniqueMobile(),
                "试运行坏" + u + ",12345").getBytes(StandardCharsets.UTF_8);
        long before = jdbc.sql("select count(*) from customer").query(Long.class).single();
        JsonNode job = ImportFixtures.run(api, "sales1", "dry.csv", content, "SKIP", true);
        assertThat(job.get("dryRun").asBoolean()).isTrue();
        assertThat(job.get("created").asInt()).isEqualTo(1);
        assertThat(job.get("errors").asInt()).isEqualTo(1);
        assertThat(countByName("试运行" + u)).isZero();
        assertThat(jdbc.sql("select count(*) from customer where name like ?").param("试运行%" + u)
                .query(Long.class).single()).isZero();
        assertThat(before).isLessThanOrEqualTo(jdbc.sql("select count(*) from customer").query(Long.class).single());
        // start and end are in the audit trail, by the importing user
        List<String> audited = jdbc.sql("select action from audit_event where entity_type = 'import' and entity_id = ? "
                + "and actor_id = ? order by occurred_at").params(job.get("id").asString(), userId("sales1"))
                .query(String.class).list();
        assertThat(audited).containsExactly("CREATE", "UPDATE");
    }

    @Test
    @DisplayName("B6/B9 duplicates by name key (full-width brackets, legal suffix): SKIP leaves, UPDATE changes, CREATE adds")
    void duplicatePolicies() {
        String u = TestData.unique();
        String existingName = "重复" + u + "科技(北京)有限公司";
        String existingId = TestData.createCustomer(api, "sales1", Map.of("name", existingName, "industry", "旧行业"))
                .get("id").asString();
        byte[] content = csv("客户名称,所属行业", "重复" + u + "科技（北京）有限公司,新行业")
                .getBytes(StandardCharsets.UTF_8);

        JsonNode skip = ImportFixtures.run(api, "sales1", "skip.csv", content, "SKIP", false);
        assertThat(skip.get("skipped").asInt()).isEqualTo(1);
        List<JsonNode> skipRows = ImportFixtures.rows(api, "sales1", skip.get("id").asString());
        assertThat(skipRows.get(0).get("recordId").asString()).isEqualTo(existingId);
        assertThat(skipRows.get(0).get("message").asString()).contains(existingName);
        assertThat(industryOf(existingId)).isEqualTo("旧行业");

        JsonNode update = ImportFixtures.run(api, "sales1", "update.csv", content, "UPDATE", false);
        assertThat(update.get("updated").asInt()).as("%s", ImportFixtures.rows(api, "sales1",
                update.get("id").asString())).isEqualTo(1);
        assertThat(industryOf(existingId)).isEqualTo("新行业");
        assertThat(jdbc.sql("select name from customer where id = ?").param(UUID.fromString(existingId))
                .query(String.class).single()).as("the name is kept").isEqualTo(existingName);

        byte[] suffix = csv("客户名称", "重复" + u + "科技").getBytes(StandardCharsets.UTF_8);
        JsonNode create = ImportFixtures.run(api, "sales1", "create.csv", suffix, "CREATE", false);
        assertThat(create.get("created").asInt()).isEqualTo(1);
        assertThat(ImportFixtures.rows(api, "sales1", create.get("id").asString()).get(0).get("message").asString())
                .contains(existingName);
        assertThat(jdbc.sql("select count(*) from customer where name_key = (select name_key from customer where id = ?)")
                .param(UUID.fromString(existingId)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    @DisplayName("B9/B11 custom fields are import columns headed by their labels: options by label, dates with slashes, bad values are row errors")
    void customFieldColumns() {
        String u = TestData.unique();
        JsonNode region = defineField(Map.of("recordType", "customer", "labelZh", "区域" + u, "labelEn", "Region " + u,
                "type", "SINGLE_SELECT", "options", List.of(Map.of("value", "east", "zh", "华东", "en", "East"),
                        Map.of("value", "north", "zh", "华北", "en", "North"))));
        JsonNode volume = defineField(Map.of("recordType", "customer", "labelZh", "采购额" + u, "labelEn", "Volume " + u,
                "type", "MONEY", "min", 0));
        JsonNode since = defineField(Map.of("recordType", "customer", "labelZh", "合作起始" + u, "labelEn", "Since " + u,
                "type", "DATE"));
        try {
            Api.Response columns = api.get("/api/v1/imports/customer/columns").as("sales1").header("Accept-Language", "en")
                    .send();
            assertThat(columns.text()).contains("Region " + u).contains("cf." + region.get("key").asString());
            byte[] content = csv("客户名称,区域" + u + ",采购额" + u + ",合作起始" + u,
                    "字段甲" + u + ",华北,1234.5,2025/3/7",
                    "字段乙" + u + ",east,,",
                    "字段丙" + u + ",华北,-5,",
                    "字段丁" + u + ",西南,,").getBytes(StandardCharsets.UTF_8);
            JsonNode job = ImportFixtures.run(api, "sales1", "fields.csv", content, "SKIP", false);
            assertThat(job.get("created").asInt()).isEqualTo(2);
            assertThat(job.get("errors").asInt()).isEqualTo(2);
            List<JsonNode> rows = ImportFixtures.rows(api, "sales1", job.get("id").asString());
            assertThat(rows.get(2).get("message").asString()).contains("Volume " + u);
            assertThat(rows.get(3).get("message").asString()).contains("Region " + u);
            JsonNode first = api.get("/api/v1/customers/" + rows.get(0).get("recordId").asString()).as("sales1").send()
                    .json().get("customFields");
            assertThat(first.get(region.get("key").asString()).asString()).isEqualTo("north");
            assertThat(first.get(volume.get("key").asString()).decimalValue()).isEqualByComparingTo("1234.50");
            assertThat(first.get(since.get("key").asString()).asString()).isEqualTo("2025-03-07");
            JsonNode second = api.get("/api/v1/customers/" + rows.get(1).get("recordId").asString()).as("sales1")
                    .send().json().get("customFields");
            assertThat(second.get(region.get("key").asString()).asString()).isEqualTo("east");
            assertThat(countByName("字段丙" + u)).isZero();
            assertThat(countByName("字段丁" + u)).isZero();
        }
        finally {
            for (JsonNode field : List.of(region, volume, since)) {
                api.post("/api/v1/custom-fields/" + field.get("id").asString() + "/deactivate").as("admin").send();
            }
        }
    }

    private JsonNode defineField(Map<String, Object> body) {
        Api.Response created = api.post("/api/v1/custom-fields").as("admin").json(body).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    @Test
    @DisplayName("B9 a row with an invalid phone is an error row with the reason; the valid rows are created")
    void invalidPhoneRow() {
        String u = TestData.unique();
        byte[] content = csv("Customer name,Phone,Contact name,Contact e-mail",
                "好行一" + u + "," + TestData.uniqueMobile() + ",,",
                "坏行" + u + ",12345,,",
                "坏邮箱" + u + ",,王五,not-an-email",
                "好行二" + u + ",,,").getBytes(StandardCharsets.UTF_8);
        JsonNode job = ImportFixtures.run(api, "sales1", "mixed.csv", content, "SKIP", false);
        assertThat(job.get("created").asInt()).isEqualTo(2);
        assertThat(job.get("errors").asInt()).isEqualTo(2);
        List<JsonNode> rows = ImportFixtures.rows(api, "sales1", job.get("id").asString());
        assertThat(rows).extracting(r -> r.get("rowNumber").asInt()).containsExactly(2, 3, 4, 5);
        assertThat(rows.get(1).get("outcome").asString()).isEqualTo("ERROR");
        assertThat(rows.get(1).get("message").asString()).contains("Phone");
        assertThat(rows.get(2).get("message").asString()).contains("Contact e-mail");
        assertThat(countByName("坏行" + u)).isZero();
        assertThat(countByName("坏邮箱" + u)).isZero();
        assertThat(countByName("好行一" + u)).isEqualTo(1);
        assertThat(countByName("好行二" + u)).isEqualTo(1);
    }

    @Test
    @DisplayName("A3/B9 a rep's UPDATE never touches a customer outside their scope: the row is an error, the customer unchanged")
    void updateObeysScope() {
        String u = TestData.unique();
        String name = "范围" + u + "有限公司";
        String otherId = TestData.createCustomer(api, "sales2", Map.of("name", name, "industry", "原行业"))
                .get("id").asString();
        byte[] content = csv("客户名称,所属行业", name + ",被改行业").getBytes(StandardCharsets.UTF_8);
        JsonNode job = ImportFixtures.run(api, "sales1", "scope.csv", content, "UPDATE", false);
        assertThat(job.get("updated").asInt()).isZero();
        assertThat(job.get("errors").asInt()).isEqualTo(1);
        assertThat(industryOf(otherId)).isEqualTo("原行业");
        assertThat(countByName(name)).isEqualTo(1);
        // the manager, whose scope covers both teams, may update it
        JsonNode managed = ImportFixtures.run(api, "manager", "scope.csv", content, "UPDATE", false);
        assertThat(managed.get("updated").asInt()).isEqualTo(1);
        assertThat(industryOf(otherId)).isEqualTo("被改行业");
    }

    @Test
    @DisplayName("A7/B9 UPDATE does not bypass key-field approval: a rep's change to a key field becomes a change request")
    void keyFieldApproval() {
        String u = TestData.unique();
        String mobile = TestData.uniqueMobile();
        String id = TestData.createCustomer(api, "sales1", Map.of("name", "审批" + u + "有限公司", "phone", mobile))
                .get("id").asString();
        Api.Response chosen = api.put("/api/v1/customer-key-fields").as("admin")
                .json(Map.of("fields", List.of("phone"))).send();
        assertThat(chosen.status()).as("%s", chosen).isEqualTo(200);
        try {
            String newPhone = TestData.uniqueMobile();
            byte[] content = csv("客户名称,电话,所属行业", "审批" + u + "有限公司," + newPhone + ",新行业")
                    .getBytes(StandardCharsets.UTF_8);
            JsonNode job = ImportFixtures.run(api, "sales1", "approval.csv", content, "UPDATE", false);
            assertThat(job.get("updated").asInt()).isEqualTo(1);
            assertThat(ImportFixtures.rows(api, "sales1", job.get("id").asString()).get(0).get("message").asString())
                    .contains("wait for approval").contains("Phone");
            Map<String, Object> stored = jdbc.sql("select phone, industry from customer where id = ?")
                    .param(UUID.fromString(id)).query().singleRow();
            assertThat(stored.get("phone")).as("the key field waits").isEqualTo(mobile);
            assertThat(stored.get("industry")).isEqualTo("新行业");
            assertThat(api.get("/api/v1/customers/" + id + "/change-requests").as("sales1").send().text())
                    .contains(newPhone);
        }
        finally {
            api.put("/api/v1/customer-key-fields").as("admin").json(Map.of("fields", List.of())).send();
        }
    }

    @Test
    @DisplayName("B9 a job is visible only to its creator and administrators: others get 404 for it, its rows and report")
    void otherUsersGet404() {
        JsonNode job = ImportFixtures.run(api, "sales1", "mine.csv",
                csv("Customer name", "私有" + TestData.unique()).getBytes(StandardCharsets.UTF_8), "SKIP", true);
        String id = job.get("id").asString();
        for (String path : List.of("", "/rows", "/report")) {
            Api.Response response = api.get("/api/v1/imports/jobs/" + id + path).as("sales2").send();
            assertThat(response.status()).as("%s", response).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.post("/api/v1/imports/jobs/" + id + "/cancel").as("sales2").send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/imports/jobs/" + id).as("admin").send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/imports/jobs/" + UUID.randomUUID()).as("sales1").send().status()).isEqualTo(404);
    }

    @Test
    @DisplayName("B9 an xlsx with a DOCTYPE and an external entity is refused with 422 and nothing is resolved")
    void xxeRefused() {
        byte[] plain = ImportFixtures.xlsx(List.of(List.of("客户名称"), List.of("XXE" + TestData.unique())));
        String sheet = ImportFixtures.entry(plain, "xl/worksheets/sheet1.xml");
        String evil = sheet.replaceFirst("<worksheet", "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<worksheet").replaceFirst("<sheetData>", "<sheetData><row r=\"9\"><c r=\"A9\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>");
        byte[] content = ImportFixtures.replaceEntry(plain, "xl/worksheets/sheet1.xml",
                evil.getBytes(StandardCharsets.UTF_8));
        Api.Response response = ImportFixtures.upload(api, "sales1", "evil.xlsx", content, null);
        assertThat(response.status()).as("%s", response).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text()).doesNotContain("root:");
    }

    @Test
    @DisplayName("B9 a zip bomb (an entry inflating far beyond the allowed ratio) is refused with 422")
    void zipBombRefused() {
        byte[] plain = ImportFixtures.xlsx(List.of(List.of("客户名称"), List.of("炸弹" + TestData.unique())));
        String sheet = ImportFixtures.entry(plain, "xl/worksheets/sheet1.xml");
        String padded = sheet.replaceFirst("<sheetData>", "<sheetData>" + " ".repeat(30_000_000));
        byte[] content = ImportFixtures.replaceEntry(plain, "xl/worksheets/sheet1.xml",
                padded.getBytes(StandardCharsets.UTF_8));
        assertThat(content.length).isLessThan(1_000_000);
        Api.Response response = ImportFixtures.upload(api, "sales1", "bomb.xlsx", content, null);
        assertThat(response.status()).as("%s", response).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    @DisplayName("B9 bad input answers problem+json 4xx: wrong file type, fake xlsx, unknown mapping, missing required column")
    void badInput() {
        Api.Response text = ImportFixtures.upload(api, "sales1", "notes.txt", "hello".getBytes(), null);
        assertThat(text.status()).as("%s", text).isEqualTo(422);
        assertThat(text.contentType()).startsWith("application/problem+json");
        assertThat(ImportFixtures.upload(api, "sales1", "fake.xlsx", "a,b\n1,2".getBytes(), null).status())
                .isEqualTo(422);
        assertThat(ImportFixtures.upload(api, "sales1", "x.csv", csv("a").getBytes(), "latin-9").status())
                .isEqualTo(400);

        JsonNode upload = ImportFixtures.uploaded(api, "sales1", "ok.csv",
                csv("Customer name", "映射" + TestData.unique()).getBytes(StandardCharsets.UTF_8), null);
        String id = upload.get("job").get("id").asString();
        Api.Response unknown = ImportFixtures.start(api, "sales1", id, Map.of("nonsense", "Customer name"), "SKIP",
                false);
        assertThat(unknown.status()).as("%s", unknown).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(ImportFixtures.start(api, "sales1", id, Map.of("name", "No such header"), "SKIP", false).status())
                .isEqualTo(400);
        assertThat(ImportFixtures.start(api, "sales1", id, Map.of(), "SKIP", false).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/imports/jobs/" + id + "/start").as("sales1")
                .json("{\"mapping\":{},\"duplicatePolicy\":\"MAYBE\"}").send().status()).isEqualTo(400);
        assertThat(api.get("/api/v1/imports/customer/template?format=pdf").as("sales1").send().status())
                .isEqualTo(400);
        // without customer:create (service specialists) importing is refused
        assertThat(ImportFixtures.upload(api, "service1", "ok.csv", csv("Customer name", "x").getBytes(), null)
                .status()).isEqualTo(403);
    }

    @Test
    @DisplayName("B9 cancelling a running import stops it between rows; the rows written so far stay")
    void cancel() {
        String u = TestData.unique();
        List<String> lines = new ArrayList<>();
        lines.add("Customer name");
        for (int i = 0; i < 3000; i++) {
            lines.add("取消" + u + "-" + i);
        }
        JsonNode upload = ImportFixtures.uploaded(api, "sales1", "long.csv",
                csv(lines.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8), null);
        String id = upload.get("job").get("id").asString();
        assertThat(ImportFixtures.start(api, "sales1", id, Map.of("name", "Customer name"), "CREATE", false)
                .status()).isEqualTo(202);
        Api.Response cancelled = api.post("/api/v1/imports/jobs/" + id + "/cancel").as("sales1").send();
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        JsonNode job = ImportFixtures.await(api, "sales1", id);
        assertThat(job.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(job.get("processedRows").asInt()).isLessThan(3000);
        long written = jdbc.sql("select count(*) from customer where name like ?").param("取消" + u + "-%")
                .query(Long.class).single();
        assertThat(written).isEqualTo(job.get("created").asLong());
        assertThat(api.post("/api/v1/imports/jobs/" + id + "/cancel").as("sales1").send().status()).isEqualTo(409);
    }

    @Test
    @DisplayName("B9 the report is an xlsx with one row per file row: number, outcome, record and reason")
    void reportXlsx() throws Exception {
        String u = TestData.unique();
        byte[] content = csv("Customer name,Phone", "报告" + u + ",", "=HYPERLINK(\"x\")" + u + ",12345")
                .getBytes(StandardCharsets.UTF_8);
        JsonNode job = ImportFixtures.run(api, "sales1", "report.csv", content, "SKIP", false);
        Api.Response report = api.get("/api/v1/imports/jobs/" + job.get("id").asString() + "/report").as("sales1")
                .send();
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("application/vnd.openxmlformats");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter text = new DataFormatter();
            assertThat(text.formatCellValue(sheet.getRow(0).getCell(1))).isEqualTo("Outcome");
            assertThat(text.formatCellValue(sheet.getRow(1).getCell(0))).isEqualTo("2");
            assertThat(text.formatCellValue(sheet.getRow(1).getCell(1))).isEqualTo("Created");
            assertThat(text.formatCellValue(sheet.getRow(1).getCell(2))).isNotBlank();
            assertThat(text.formatCellValue(sheet.getRow(2).getCell(1))).isEqualTo("Error");
            assertThat(text.formatCellValue(sheet.getRow(2).getCell(3))).contains("Phone");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
        }
        Api.Response template = api.get("/api/v1/imports/customer/template?format=csv").as("sales1")
                .language("zh-CN").send();
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.text()).contains("客户名称 *").contains("联系人手机");
    }

    private long countByName(String name) {
        return jdbc.sql("select count(*) from customer where name = ?").param(name).query(Long.class).single();
    }

    private String industryOf(String id) {
        return jdbc.sql("select industry from customer where id = ?").param(UUID.fromString(id)).query(String.class)
                .single();
    }

    private UUID ownerOf(String name) {
        return jdbc.sql("select owner_id from customer where name = ?").param(name).query(UUID.class).single();
    }

    private UUID userId(String username) {
        return jdbc.sql("select id from app_user where username = ?").param(username).query(UUID.class).single();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

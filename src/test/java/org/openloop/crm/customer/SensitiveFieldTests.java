package org.openloop.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.TestData.TestUser;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Sensitive fields (A4): users without {@code sensitive:view} (客服专员 service1, or a role made for the test) see
 * {@code 138****5678} and {@code z***@example.com} in API detail, list, export and the audit trail, and cannot
 * filter or search by those fields; users with the right see the real values.
 */
@CrmIntegrationTest
class SensitiveFieldTests {

    static final String PHONE = "13812345678";
    static final String EMAIL = "zhang@example.com";

    @Autowired
    Api api;

    String name;
    String id;

    @BeforeEach
    void customerWithPhoneAndEmail() {
        name = "A4客户" + TestData.unique();
        id = TestData.createCustomer(api, "admin", Map.of("name", name, "phone", PHONE, "email", EMAIL))
                .get("id").asString();
    }

    @Test
    @DisplayName("A4 API detail: masked for service1, in full for admin and the owner's manager")
    void detail() {
        JsonNode masked = api.get("/api/v1/customers/" + id).as("service1").send().json();
        assertThat(masked.get("phone").asString()).isEqualTo("138****5678");
        assertThat(masked.get("email").asString()).isEqualTo("z***@example.com");
        assertThat(api.get("/api/v1/customers/" + id).as("service1").send().text()).doesNotContain(PHONE, "zhang@");

        JsonNode full = api.get("/api/v1/customers/" + id).as("admin").send().json();
        assertThat(full.get("phone").asString()).isEqualTo(PHONE);
        assertThat(full.get("email").asString()).isEqualTo(EMAIL);
    }

    @Test
    @DisplayName("A4 API list: masked for service1, in full for supervisor (who holds sensitive:view)")
    void list() {
        for (String user : List.of("service1", "supervisor")) {
            Api.Response response = api.get("/api/v1/customers?q=" + name).as(user).send();
            assertThat(response.status()).isEqualTo(200);
            JsonNode item = response.json().get("items").get(0);
            if (user.equals("service1")) {
                assertThat(item.get("phone").asString()).isEqualTo("138****5678");
                assertThat(item.get("email").asString()).isEqualTo("z***@example.com");
                assertThat(response.text()).doesNotContain(PHONE);
            }
            else {
                assertThat(item.get("phone").asString()).isEqualTo(PHONE);
            }
        }
    }

    @Test
    @DisplayName("A4 export (csv and xlsx): masked for a role with export but without sensitive:view")
    void export() throws Exception {
        UserWithToken exporter = exporter(false);
        Api.Response csv = api.get("/api/v1/customers/export?format=csv&q=" + name).bearer(exporter.token).send();
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).contains(name, "138****5678", "z***@example.com").doesNotContain(PHONE, EMAIL);

        Api.Response xlsx = api.get("/api/v1/customers/export?format=xlsx&q=" + name).bearer(exporter.token).send();
        assertThat(xlsx.status()).isEqualTo(200);
        List<List<String>> rows = ExportSafetyTests.readXlsx(xlsx.body());
        assertThat(rows.get(1)).contains(name, "138****5678", "z***@example.com").doesNotContain(PHONE, EMAIL);

        UserWithToken allowed = exporter(true);
        assertThat(api.get("/api/v1/customers/export?format=csv&q=" + name).bearer(allowed.token).send().text())
                .contains(PHONE, EMAIL);
    }

    @Test
    @DisplayName("A4/A6 audit trail: old and new phone values are masked for service1, in full for admin")
    void auditTrail() {
        Api.Response update = api.put("/api/v1/customers/" + id).as("admin")
                .json(Map.of("name", name, "phone", "13987654321", "email", EMAIL)).send();
        assertThat(update.status()).as("%s", update).isEqualTo(200);

        Api.Response masked = api.get("/api/v1/customers/" + id + "/audit").as("service1").send();
        assertThat(masked.status()).isEqualTo(200);
        JsonNode change = phoneChange(masked.json());
        assertThat(change.get("oldValue").asString()).isEqualTo("138****5678");
        assertThat(change.get("newValue").asString()).isEqualTo("139****4321");
        assertThat(masked.text()).doesNotContain(PHONE, "13987654321");

        JsonNode full = phoneChange(api.get("/api/v1/customers/" + id + "/audit").as("admin").send().json());
        assertThat(full.get("oldValue").asString()).isEqualTo(PHONE);
        assertThat(full.get("newValue").asString()).isEqualTo("13987654321");
    }

    @ParameterizedTest(name = "A4 service1 may not filter or sort customers by a protected field: {0}")
    @ValueSource(strings = { "phone=138", "email=zhang", "sort=phone", "sort=-email" })
    void filterOnSensitiveFieldRefused(String query) {
        Api.Response response = api.get("/api/v1/customers?" + query).as("service1").send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isIn("phone", "email", "sort");
    }

    @Test
    @DisplayName("A4 filters on protected fields of contacts and users are refused too; allowed with the right")
    void otherModulesRefuseSensitiveFilters() {
        assertThat(api.get("/api/v1/contacts?mobile=138").as("service1").send().status()).isEqualTo(400);
        assertThat(api.get("/api/v1/users?phone=138").as("tech1").send().status()).isEqualTo(400);
        Api.Response allowed = api.get("/api/v1/customers?phone=" + PHONE + "&q=" + name).as("admin").send();
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.json().get("items")).hasSize(1);
    }

    @Test
    @DisplayName("A4 searching (q) by a full phone number does not reveal a masked value")
    void searchDoesNotRevealMaskedPhone() {
        JsonNode found = api.get("/api/v1/customers?q=" + PHONE).as("admin").send().json().get("items");
        assertThat(found.findValuesAsString("name")).as("with the right, q finds the phone").contains(name);
        JsonNode items = api.get("/api/v1/customers?q=" + PHONE).as("service1").send().json().get("items");
        for (JsonNode item : items) {
            assertThat(item.get("name").asString()).isNotEqualTo(name);
        }
    }

    @Test
    @DisplayName("A4 an editor who sees only the mask keeps the stored phone when sending the mask back unchanged")
    void maskedValueSentBackKeepsStoredValue() {
        var role = TestData.createRole(api, "COMPANY", false, Set.of("customer:view", "customer:edit"));
        TestUser editor = TestData.createUser(api, null, List.of(role));
        String token = api.createToken(editor.username(), editor.password());
        JsonNode seen = api.get("/api/v1/customers/" + id).bearer(token).send().json();
        assertThat(seen.get("phone").asString()).isEqualTo("138****5678");

        Api.Response unchanged = api.put("/api/v1/customers/" + id).bearer(token).json(Map.of("name", name + "-1",
                "phone", seen.get("phone").asString(), "email", seen.get("email").asString())).send();
        assertThat(unchanged.status()).as("%s", unchanged).isEqualTo(200);
        JsonNode stored = api.get("/api/v1/customers/" + id).as("admin").send().json();
        assertThat(stored.get("name").asString()).isEqualTo(name + "-1");
        assertThat(stored.get("phone").asString()).isEqualTo(PHONE);
        assertThat(stored.get("email").asString()).isEqualTo(EMAIL);

        Api.Response otherMask = api.put("/api/v1/customers/" + id).bearer(token)
                .json(Map.of("name", name + "-2", "phone", "139****0000")).send();
        assertThat(otherMask.status()).isEqualTo(422);
        assertThat(otherMask.json().get("errors").get(0).get("field").asString()).isEqualTo("phone");
        assertThat(api.get("/api/v1/customers/" + id).as("admin").send().json().get("phone").asString())
                .isEqualTo(PHONE);
    }

    private static JsonNode phoneChange(JsonNode page) {
        for (JsonNode entry : page.get("items")) {
            if ("phone".equals(entry.path("field").asString(null)) && "UPDATE".equals(entry.get("action").asString())) {
                return entry;
            }
        }
        throw new AssertionError("no phone change in " + page);
    }

    record UserWithToken(TestUser user, String token) {
    }

    private UserWithToken exporter(boolean sensitive) {
        var role = TestData.createRole(api, "COMPANY", sensitive, Set.of("customer:view", "customer:export"));
        TestUser user = TestData.createUser(api, null, List.of(role));
        return new UserWithToken(user, api.createToken(user.username(), user.password()));
    }
}

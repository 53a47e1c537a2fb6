package org.openloop.crm.customfield;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Custom fields (B11) on pages: the settings page, the "More fields" form section, detail, list and filters. */
@CrmIntegrationTest
class CustomFieldPageTests {

    @Autowired
    Api api;

    private WebSession signedIn(String username) {
        WebSession session = new WebSession(api);
        assertThat(session.login(username, Api.DEMO_PASSWORD).status()).isEqualTo(302);
        return session;
    }

    private JsonNode fieldByLabel(String labelEn) {
        for (JsonNode f : api.get("/api/v1/custom-fields?recordType=customer").as("admin").send().json()) {
            if (f.get("labelEn").asString().equals(labelEn)) {
                return f;
            }
        }
        throw new AssertionError("no field " + labelEn);
    }

    @Test
    @DisplayName("B11/A2: administrators define fields on the settings page; reps are refused")
    void settingsPage() {
        String marker = TestData.unique();
        WebSession sales = signedIn("sales1");
        assertThat(sales.get("/settings/custom-fields").status()).isEqualTo(403);
        String salesCsrf = sales.csrfFrom("/customers");
        assertThat(sales.post("/settings/custom-fields/new", "_csrf", salesCsrf, "recordType", "customer",
                "labelZh", "禁" + marker, "labelEn", "Denied " + marker, "type", "TEXT").status()).isEqualTo(403);

        WebSession admin = signedIn("admin");
        Api.Response page = admin.get("/settings/custom-fields?recordType=customer");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("data-testid=\"custom-field-table\"").contains("nav-custom-fields");
        String csrf = admin.csrfFrom("/settings/custom-fields/new?recordType=customer");
        Api.Response invalid = admin.post("/settings/custom-fields/new", "_csrf", csrf, "recordType", "customer",
                "labelZh", "阶段" + marker, "labelEn", "Phase " + marker, "type", "SINGLE_SELECT", "options", "");
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.text()).contains("A select field needs at least one option.");
        Api.Response created = admin.post("/settings/custom-fields/new", "_csrf", csrf, "recordType", "customer",
                "labelZh", "阶段" + marker, "labelEn", "Phase " + marker, "type", "SINGLE_SELECT",
                "options", "one|一期|One\n二期|Two", "filterable", "true");
        assertThat(created.status()).as("%s", created.text()).isEqualTo(302);
        JsonNode field = fieldByLabel("Phase " + marker);
        assertThat(field.get("options").get(1).get("value").asString()).isEqualTo("o1");
        assertThat(admin.get("/settings/custom-fields?recordType=customer").text()).contains("阶段" + marker);
        assertThat(admin.get("/settings/custom-fields/" + field.get("id").asString() + "/edit").text())
                .contains("one|一期|One");
        Api.Response off = admin.post("/settings/custom-fields/" + field.get("id").asString() + "/deactivate",
                "_csrf", csrf);
        assertThat(off.status()).isEqualTo(302);
        assertThat(fieldByLabelActive("Phase " + marker)).isFalse();
    }

    private boolean fieldByLabelActive(String labelEn) {
        for (JsonNode f : api.get("/api/v1/custom-fields?recordType=customer&inactive=true").as("admin").send()
                .json()) {
            if (f.get("labelEn").asString().equals(labelEn)) {
                return f.get("active").asBoolean();
            }
        }
        throw new AssertionError("no field " + labelEn);
    }

    @Test
    @DisplayName("B11: the form shows field errors in the user's language, saves values, and detail and list show them")
    void customerForm() {
        String marker = TestData.unique();
        JsonNode code = define(Map.of("recordType", "customer", "labelZh", "编码" + marker, "labelEn",
                "Code " + marker, "type", "TEXT", "required", true, "maxLength", 8));
        JsonNode topics = define(Map.of("recordType", "customer", "labelZh", "主题" + marker, "labelEn",
                "Topics " + marker, "type", "MULTI_SELECT", "shownInList", true, "filterable", true, "options",
                List.of(Map.of("value", "a", "zh", "甲" + marker, "en", "Alpha" + marker), Map.of("value", "b", "zh", "乙" + marker,
                        "en", "Beta" + marker))));
        String c = code.get("key").asString();
        String t = topics.get("key").asString();
        try {
            WebSession sales = signedIn("sales1");
            Api.Response form = sales.get("/customers/new");
            assertThat(form.text()).contains("More fields").contains("name=\"customFields[" + c + "]\"")
                    .contains("Alpha" + marker);
            String csrf = sales.csrfFrom("/customers/new");
            Api.Response refused = sales.post("/customers/new", "_csrf", csrf, "name", "表单" + marker,
                    "customFields[" + c + "]", "", "customFields[" + t + "]", "");
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.text()).contains("Code " + marker + " is required.").contains("error-cf-" + c);
            Api.Response tooLong = sales.post("/customers/new", "_csrf", csrf, "name", "表单" + marker,
                    "customFields[" + c + "]", "123456789", "customFields[" + t + "]", "");
            assertThat(tooLong.text()).contains("At most 8 characters.");

            Api.Response saved = sales.post("/customers/new", "_csrf", csrf, "name", "表单" + marker,
                    "customFields[" + c + "]", "X1", "customFields[" + t + "]", "", "customFields[" + t + "]", "a",
                    "customFields[" + t + "]", "b");
            assertThat(saved.status()).as("%s", saved.text()).isEqualTo(302);
            String location = saved.header("Location");
            String detail = sales.get(location.replaceFirst("^https?://[^/]+", "")).text();
            assertThat(detail).contains("cf-value-" + c).contains("X1").contains("Alpha" + marker + ", Beta" + marker);

            String list = sales.get("/customers?q=" + marker + "&cf." + t + "=b").text();
            assertThat(list).contains("表单" + marker).contains("cf-column-" + t).contains("filter-cf-" + t);
            assertThat(sales.get("/customers?q=" + marker + "&cf." + t + "=zzz").text()).doesNotContain(
                    "表单" + marker + "</a>");

            String id = location.substring(location.lastIndexOf('/') + 1);
            Api.Response edit = sales.get("/customers/" + id + "/edit");
            assertThat(edit.text()).contains("value=\"X1\"").contains("checked");
        }
        finally {
            api.post("/api/v1/custom-fields/" + code.get("id").asString() + "/deactivate").as("admin").send();
            api.post("/api/v1/custom-fields/" + topics.get("id").asString() + "/deactivate").as("admin").send();
        }
    }

    private JsonNode define(Map<String, Object> body) {
        Api.Response created = api.post("/api/v1/custom-fields").as("admin").json(body).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }
}

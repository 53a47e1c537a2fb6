package org.openloop.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;

import tools.jackson.databind.JsonNode;

/** Shared steps of the marketing tests: campaigns over the API, and the public form as an anonymous visitor. */
final class CampaignFixtures {

    private CampaignFixtures() {
    }

    /** A campaign created by {@code username} with a unique name; {@code extra} overrides the defaults. */
    static JsonNode createCampaign(Api api, String username, Map<String, ?> extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "活动" + TestData.unique());
        body.put("type", "CONFERENCE");
        body.putAll(extra);
        Api.Response response = api.post("/api/v1/campaigns").as(username).json(body).send();
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    /** Switches the public form on and returns its token. */
    static String openForm(Api api, String username, String campaignId) {
        Api.Response response = api.post("/api/v1/campaigns/" + campaignId + "/form").as(username)
                .json(Map.of("enabled", true)).send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json().get("formToken").asString();
    }

    /** Opens the public form in a fresh anonymous session and posts {@code fields} (name, value pairs) with CSRF. */
    static Api.Response submit(Api api, String token, String... fields) {
        WebSession visitor = new WebSession(api);
        String csrf = visitor.csrfFrom("/public/forms/" + token);
        List<String> all = new ArrayList<>(List.of(fields));
        all.add("_csrf");
        all.add(csrf);
        return visitor.post("/public/forms/" + token, all.toArray(String[]::new));
    }
}

package org.openloop.crm.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;

import tools.jackson.databind.JsonNode;

/** Customers and contacts the mail and call tests write to, created through the API under unique names. */
final class MessagingFixtures {

    private MessagingFixtures() {
    }

    /** A customer of {@code owner} with one contact; returns the contact's JSON (with customerId). */
    static JsonNode contact(Api api, String owner, String name, String email, String mobile, String officePhone) {
        String customerId = TestData.createCustomer(api, owner, Map.of("name", "邮件客户" + TestData.unique()))
                .get("id").asString();
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId);
        body.put("name", name);
        if (email != null) {
            body.put("email", email);
        }
        if (mobile != null) {
            body.put("mobile", mobile);
        }
        if (officePhone != null) {
            body.put("officePhone", officePhone);
        }
        Api.Response created = api.post("/api/v1/contacts").as(owner).json(body).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    static JsonNode timeline(Api api, String username, String customerId, String kind) {
        Api.Response response = api.get("/api/v1/customers/" + customerId + "/timeline?kinds=" + kind + "&size=100")
                .as(username).language("en").send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json().get("items");
    }
}

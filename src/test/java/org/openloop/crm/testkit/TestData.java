package org.openloop.crm.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** Creates what a test needs through the API, as the administrator, always under unique names. */
public final class TestData {

    public static final String PASSWORD = "Test-pass-123";

    private TestData() {
    }

    /** A short random marker for unique names. */
    public static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** A mainland mobile number no other test uses, so duplicate detection (B6) stays out of the way. */
    public static String uniqueMobile() {
        return "139" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A user created by the administrator. */
    public record TestUser(UUID id, String username, String password) {
    }

    public static UUID roleId(Api api, String code) {
        for (JsonNode role : api.get("/api/v1/roles").as("admin").send().json()) {
            if (role.get("code").asString().equals(code)) {
                return UUID.fromString(role.get("id").asString());
            }
        }
        throw new IllegalArgumentException("no role " + code);
    }

    /** A new role with the given scope, sensitive right and permissions. */
    public static UUID createRole(Api api, String scope, boolean viewSensitive, Set<String> permissions) {
        Api.Response response = api.post("/api/v1/roles").as("admin")
                .json(Map.of("code", "T" + unique().toUpperCase(), "name", "test role " + unique(), "dataScope", scope,
                        "viewSensitive", viewSensitive, "permissions", permissions))
                .send();
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    /** A new active user in the given department (may be null) holding the given roles. */
    public static TestUser createUser(Api api, UUID departmentId, List<UUID> roleIds) {
        String username = "t" + unique();
        var body = new java.util.HashMap<String, Object>();
        body.put("username", username);
        body.put("displayName", "测试 " + username);
        body.put("roleIds", roleIds);
        body.put("password", PASSWORD);
        if (departmentId != null) {
            body.put("departmentId", departmentId);
        }
        Api.Response response = api.post("/api/v1/users").as("admin").json(body).send();
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return new TestUser(UUID.fromString(response.json().get("id").asString()), username, PASSWORD);
    }

    /** Creates a customer through the API as {@code username}; returns its JSON. */
    public static JsonNode createCustomer(Api api, String username, Map<String, ?> body) {
        Api.Response response = api.post("/api/v1/customers").as(username).json(body).send();
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }
}

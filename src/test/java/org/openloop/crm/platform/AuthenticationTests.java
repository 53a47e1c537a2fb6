package org.openloop.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.TestData.TestUser;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Sign-in, tokens, lockout and CSRF through HTTP (K3, K5, A6). */
@CrmIntegrationTest
class AuthenticationTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "K3 {0} without a token answers 401 problem+json")
    @ValueSource(strings = { "/api/v1/customers", "/api/v1/users", "/api/v1/audit-events", "/api/v1/auth/tokens",
            "/api/v1/customers/00000000-0000-0000-0000-000000000001" })
    void apiWithoutTokenIs401(String path) {
        Api.Response response = api.get(path).send();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.json().get("title").asString()).isEqualTo("Not signed in");
        assertThat(response.header("Set-Cookie")).as("the API keeps no session").isNull();
    }

    @Test
    @DisplayName("K3 an unknown or malformed bearer token answers 401 problem+json, never a login page")
    void unknownTokenIs401() {
        for (String token : List.of("olc_" + TestData.unique(), "not-a-token")) {
            Api.Response response = api.get("/api/v1/customers").bearer(token).send();
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    @DisplayName("K5 a page without a session redirects to the login page, which renders the sign-in form")
    void pageWithoutSessionGoesToLogin() {
        Api.Response response = api.get("/customers").send();
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/login");
        Api.Response login = api.get("/login").send();
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text()).contains("name=\"username\"", "name=\"password\"", "data-testid=\"login-submit\"");
    }

    @Test
    @DisplayName("K5 a page POST without CSRF token is refused with 403 and does nothing; with the token it works")
    void pagePostNeedsCsrfToken() {
        WebSession session = new WebSession(api);
        assertThat(session.login("sales1", Api.DEMO_PASSWORD).header("Location")).doesNotContain("error");
        assertThat(session.get("/").status()).isEqualTo(200);

        assertThat(session.post("/logout").status()).isEqualTo(403);
        assertThat(session.get("/").status()).as("still signed in").isEqualTo(200);

        String csrf = session.csrfFrom("/");
        Api.Response logout = session.post("/logout", "_csrf", csrf);
        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.header("Location")).endsWith("/login?logout");
    }

    @Test
    @DisplayName("K3 a revoked token stops working at once; tokens are listed without their secret")
    void revokedTokenIsRefused() {
        String token = api.createToken("sales2", Api.DEMO_PASSWORD);
        assertThat(api.get("/api/v1/customers").bearer(token).send().status()).isEqualTo(200);

        JsonNode mine = api.get("/api/v1/auth/tokens").bearer(token).send().json();
        String id = null;
        for (JsonNode t : mine) {
            assertThat(t.has("token")).as("the secret is never listed").isFalse();
            if (token.startsWith(t.get("prefix").asString()) && t.get("revokedAt").isNull()) {
                id = t.get("id").asString();
            }
        }
        assertThat(id).isNotNull();
        // another user cannot revoke it
        assertThat(api.delete("/api/v1/auth/tokens/" + id).as("sales1").send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/customers").bearer(token).send().status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/auth/tokens/" + id).bearer(token).send().status()).isEqualTo(204);
        Api.Response after = api.get("/api/v1/customers").bearer(token).send();
        assertThat(after.status()).isEqualTo(401);
        assertThat(jdbc.sql("select revoked_at from api_token where id = ?").param(UUID.fromString(id))
                .query(OffsetDateTime.class).single()).isNotNull();
    }

    @Test
    @DisplayName("K3/A2 a token follows its user at once: a role losing a permission answers 403 on the next call, a deactivated user 401")
    void tokenFollowsRoleAndUserChangesAtOnce() {
        UUID role = TestData.createRole(api, "OWN", false, Set.of("customer:view"));
        TestData.TestUser user = TestData.createUser(api, null, List.of(role));
        String token = api.createToken(user.username(), user.password());
        assertThat(api.get("/api/v1/customers").bearer(token).send().status()).isEqualTo(200);

        Api.Response changed = api.put("/api/v1/roles/" + role).as("admin").json(Map.of("code", "T"
                + TestData.unique().toUpperCase(), "name", "changed " + TestData.unique(), "dataScope", "OWN",
                "permissions", Set.of("contact:view"))).send();
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(api.get("/api/v1/customers").bearer(token).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/contacts").bearer(token).send().status()).isEqualTo(200);

        assertThat(api.post("/api/v1/users/" + user.id() + "/deactivate").as("admin").send().status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/contacts").bearer(token).send().status()).isEqualTo(401);
    }

    @Test
    @DisplayName("K5 tokens are stored as a SHA-256 hash, never in clear")
    void tokensAreStoredHashed() {
        String token = api.createToken("sales1", Api.DEMO_PASSWORD);
        List<Map<String, Object>> rows = jdbc.sql("select * from api_token where token_hash = ?")
                .param(ApiTokenManagement.hash(token)).query().listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("token_hash")).isEqualTo(
                java.util.HexFormat.of().formatHex(sha256(token)));
        assertThat(rows.get(0).values()).noneMatch(v -> v != null && v.toString().contains(token));
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(token).query(Long.class)
                .single()).isZero();
    }

    @Test
    @DisplayName("K5/A6 five wrong passwords on the token API lock the account for 15 minutes, and the lock is audited")
    void tokenApiLockout() {
        TestUser user = TestData.createUser(api, null, List.of(TestData.roleId(api, "SALES_REP")));
        for (int i = 0; i < 5; i++) {
            Api.Response wrong = tokenRequest(user.username(), "wrong-password");
            assertThat(wrong.status()).isEqualTo(401);
            // the attempt that locks still only says "wrong", so a guesser learns nothing from it
            assertThat(wrong.json().get("detail").asString()).isEqualTo("Wrong username or password.");
        }
        Api.Response locked = tokenRequest(user.username(), user.password());
        assertThat(locked.status()).as("%s", locked).isEqualTo(401);
        assertThat(locked.json().get("detail").asString()).contains("locked for 15 minutes");
        Api.Response lockedZh = api.post("/api/v1/auth/tokens").language("zh-CN")
                .json(Map.of("username", user.username(), "password", user.password(), "name", "x")).send();
        assertThat(lockedZh.json().get("detail").asString()).doesNotContain("locked").matches(".*\\p{IsHan}.*");

        assertLockedFor15Minutes(user.username());
        assertLockAudited(user.username());
    }

    @Test
    @DisplayName("K5/A6 five wrong passwords on the login form lock the account, for the form and the token API alike")
    void formLockout() {
        TestUser user = TestData.createUser(api, null, List.of(TestData.roleId(api, "SALES_REP")));
        WebSession browser = new WebSession(api);
        for (int i = 0; i < 5; i++) {
            assertThat(browser.login(user.username(), "wrong-password").header("Location"))
                    .endsWith("/login?error=bad");
        }
        assertThat(browser.login(user.username(), user.password()).header("Location"))
                .endsWith("/login?error=locked");
        assertThat(tokenRequest(user.username(), user.password()).status()).isEqualTo(401);
        assertLockedFor15Minutes(user.username());
        assertLockAudited(user.username());
    }

    @Test
    @DisplayName("K5 fewer than five failures do not lock, and a successful sign-in resets the count")
    void successResetsFailures() {
        TestUser user = TestData.createUser(api, null, List.of(TestData.roleId(api, "SALES_REP")));
        for (int i = 0; i < 4; i++) {
            assertThat(tokenRequest(user.username(), "wrong").status()).isEqualTo(401);
        }
        assertThat(tokenRequest(user.username(), user.password()).status()).isEqualTo(201);
        for (int i = 0; i < 4; i++) {
            assertThat(tokenRequest(user.username(), "wrong").status()).isEqualTo(401);
        }
        assertThat(tokenRequest(user.username(), user.password()).status()).isEqualTo(201);
    }

    private Api.Response tokenRequest(String username, String password) {
        return api.post("/api/v1/auth/tokens")
                .json(Map.of("username", username, "password", password, "name", "lockout test")).send();
    }

    private void assertLockedFor15Minutes(String username) {
        OffsetDateTime until = jdbc.sql("select locked_until from login_attempt where username = ?")
                .param(username.toLowerCase()).query(OffsetDateTime.class).single();
        Duration left = Duration.between(OffsetDateTime.now(), until);
        assertThat(left).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15).plusSeconds(5));
    }

    private void assertLockAudited(String username) {
        JsonNode events = api.get("/api/v1/audit-events?action=ACCOUNT_LOCKED&actorName=" + username).as("admin")
                .send().json().get("items");
        assertThat(events).hasSize(1);
        JsonNode failures = api.get("/api/v1/audit-events?action=LOGIN_FAILED&actorName=" + username).as("admin")
                .send().json().get("items");
        assertThat(failures.size()).isGreaterThanOrEqualTo(5);
    }

    private static byte[] sha256(String value) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

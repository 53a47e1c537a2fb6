package org.openloop.crm.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/** The notification centre (K1): delivery by preference, the user's own list, unread count, e-mail copies. */
@CrmIntegrationTest
class NotificationTests {

    /** The SMTP server the test profile's spring.mail settings point at. */
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    Api api;

    /** A new sales rep with an e-mail address and their API token. */
    private record Rep(UUID id, String username, String email, String token) {
    }

    private Rep newRep() {
        DemoOrganization org = DemoOrganization.load(api);
        String username = "n" + TestData.unique();
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", "通知 " + username);
        body.put("email", username + "@example.com");
        body.put("roleIds", List.of(TestData.roleId(api, "SALES_REP")));
        body.put("departmentId", org.user("sales1").departmentId());
        body.put("password", TestData.PASSWORD);
        Api.Response created = api.post("/api/v1/users").as("admin").json(body).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return new Rep(UUID.fromString(created.json().get("id").asString()), username, username + "@example.com",
                api.createToken(username, TestData.PASSWORD));
    }

    private String transferToRep(Rep rep) {
        String id = TestData.createCustomer(api, "manager", Map.of("name", "通知客户" + TestData.unique())).get("id")
                .asString();
        Api.Response moved = api.post("/api/v1/customers/" + id + "/transfer").as("manager")
                .json(Map.of("assigneeId", rep.id())).send();
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        return id;
    }

    private JsonNode notificationsOf(Rep rep, String query) {
        Api.Response list = api.get("/api/v1/notifications?" + query).bearer(rep.token()).language("en").send();
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        return list.json().get("items");
    }

    private long unread(Rep rep) {
        return api.get("/api/v1/notifications/unread-count").bearer(rep.token()).send().json().get("unread").asLong();
    }

    private static void eventually(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition not met in time").isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    @DisplayName("K1/A5: a customer assigned to a rep notifies that rep in the app, with a link to the customer; reading it clears the count")
    void assignmentNotifiesTheNewOwner() {
        Rep rep = newRep();
        Rep bystander = newRep();
        String customer = transferToRep(rep);

        eventually(() -> unread(rep) == 1);
        JsonNode notification = notificationsOf(rep, "").get(0);
        assertThat(notification.get("text").asString()).startsWith("Customer 通知客户").endsWith("is now yours.");
        assertThat(notification.get("link").asString()).isEqualTo("/customers/" + customer);
        assertThat(notification.get("read").asBoolean()).isFalse();
        assertThat(notificationsOf(bystander, "")).isEmpty();

        String id = notification.get("id").asString();
        // someone else's notification does not exist for them
        assertThat(api.post("/api/v1/notifications/" + id + "/read").bearer(bystander.token()).send().status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/notifications/" + id + "/read").bearer(rep.token()).send().status())
                .isEqualTo(200);
        assertThat(unread(rep)).isZero();
        assertThat(notificationsOf(rep, "unread=true")).isEmpty();
        assertThat(notificationsOf(rep, "")).hasSize(1);
    }

    @Test
    @DisplayName("K1: a rep who chose 'not at all' for assignments gets none; unknown types and missing channels are refused")
    void preferencesDecideDelivery() {
        Rep rep = newRep();
        Api.Response chosen = api.put("/api/v1/notification-preferences/customer.assigned").bearer(rep.token())
                .json(Map.of("channel", "NONE")).send();
        assertThat(chosen.status()).as("%s", chosen).isEqualTo(200);
        JsonNode preferences = api.get("/api/v1/notification-preferences").bearer(rep.token()).send().json();
        assertThat(preferences.findValuesAsString("type")).contains("customer.assigned", "customer.poolWarning");

        transferToRep(rep);
        Rep control = newRep();
        transferToRep(control);
        eventually(() -> unread(control) == 1);
        assertThat(unread(rep)).isZero();

        assertThat(api.put("/api/v1/notification-preferences/no.such.type").bearer(rep.token())
                .json(Map.of("channel", "BOTH")).send().status()).isEqualTo(422);
        assertThat(api.put("/api/v1/notification-preferences/customer.assigned").bearer(rep.token())
                .json(Map.of()).send().status()).isEqualTo(422);
    }

    @Test
    @DisplayName("K1: with e-mail chosen, the assignment also arrives by e-mail (in Chinese, the company language) with the link")
    void emailCopy() throws Exception {
        Rep rep = newRep();
        api.put("/api/v1/notification-preferences/customer.assigned").bearer(rep.token())
                .json(Map.of("channel", "BOTH")).send();
        String customer = transferToRep(rep);

        eventually(() -> mail.getReceivedMessagesForDomain(rep.email()).length == 1);
        MimeMessage message = mail.getReceivedMessagesForDomain(rep.email())[0];
        assertThat(message.getSubject()).startsWith("【OpenLoop CRM】客户 通知客户").contains("现已分配给您");
        assertThat(GreenMailUtil.getBody(message)).contains("/customers/" + customer);
        eventually(() -> unread(rep) == 1);
    }

    @Test
    @DisplayName("K1: the bell shows the unread count and the list page opens the notification's record")
    void bellAndListPage() {
        Rep rep = newRep();
        String customer = transferToRep(rep);
        eventually(() -> unread(rep) == 1);

        WebSession web = new WebSession(api);
        web.login(rep.username(), TestData.PASSWORD);
        assertThat(web.get("/notifications/badge").text()).contains("data-testid=\"notification-count\"").contains(">1<");
        String page = web.get("/notifications").text();
        assertThat(page).contains("data-testid=\"notification-row\"").contains("通知客户");
        String csrf = web.csrfFrom("/notifications");
        String id = notificationsOf(rep, "").get(0).get("id").asString();
        Api.Response opened = web.post("/notifications/" + id + "/open", "_csrf", csrf);
        assertThat(opened.status()).isEqualTo(302);
        assertThat(opened.header("Location")).endsWith("/customers/" + customer);
        assertThat(web.get("/notifications/badge").text()).doesNotContain("notification-count");
    }
}

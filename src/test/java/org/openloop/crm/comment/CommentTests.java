package org.openloop.crm.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.TestData.TestUser;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Comments and @mentions on any record (E8): access through the record, mentions never leak, text stays inert. */
@CrmIntegrationTest
class CommentTests {

    @Autowired
    Api api;

    private record Rep(TestUser user, String token, UUID customerId) {
    }

    /** A new sales rep in 销售一组 with a customer of their own. */
    private Rep rep() {
        DemoOrganization org = DemoOrganization.load(api);
        TestUser user = TestData.createUser(api, org.user("sales1").departmentId(),
                List.of(TestData.roleId(api, "SALES_REP")));
        String token = api.createToken(user.username(), user.password());
        Api.Response customer = api.post("/api/v1/customers").bearer(token)
                .json(Map.of("name", "评论客户" + TestData.unique())).send();
        assertThat(customer.status()).as("%s", customer).isEqualTo(201);
        return new Rep(user, token, UUID.fromString(customer.json().get("id").asString()));
    }

    private long mentions(String username, UUID recordId) {
        long count = 0;
        for (JsonNode n : api.get("/api/v1/notifications?size=100").as(username).send().json().get("items")) {
            if (n.get("type").asString().equals("comment.mentioned") && n.get("link").asString().endsWith(recordId.toString())) {
                count++;
            }
        }
        return count;
    }

    @Test
    @DisplayName("@mention notifies a user who may read the record, and nobody who may not")
    void mentionsRespectAccess() {
        Rep rep = rep();
        Api.Response posted = api.post("/api/v1/comments").bearer(rep.token()).json(Map.of("recordType", "customer",
                "recordId", rep.customerId(), "text", "请 @manager 和 @sales2 看一下报价，@nobody-here 也看看")).send();
        assertThat(posted.status()).as("%s", posted).isEqualTo(201);
        assertThat(mentions("manager", rep.customerId())).as("the manager's scope covers the rep's team").isEqualTo(1);
        assertThat(mentions("sales2", rep.customerId())).as("sales2 sees only their own customers").isZero();
        assertThat(api.get("/api/v1/comments?recordType=customer&recordId=" + rep.customerId()).as("sales2").send()
                .status()).isEqualTo(404);
        JsonNode comments = api.get("/api/v1/comments?recordType=customer&recordId=" + rep.customerId())
                .as("manager").send().json();
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).get("authorName").asString()).contains(rep.user().username());
        assertThat(api.post("/api/v1/comments").as("sales2").json(Map.of("recordType", "customer", "recordId",
                rep.customerId(), "text", "偷看")).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/comments?recordType=nothing&recordId=" + rep.customerId()).as("manager").send()
                .status()).isEqualTo(404);
    }

    @Test
    @DisplayName("on a collaboration task, the person asked is told about a mention and an outsider is not")
    void mentionsOnCollaborationTasks() {
        Rep rep = rep();
        DemoOrganization org = DemoOrganization.load(api);
        Map<String, Object> draft = new java.util.HashMap<>();
        draft.put("customerId", rep.customerId());
        draft.put("userIds", List.of(org.user("service1").id()));
        draft.put("content", "评论提醒");
        draft.put("expectedAt", java.time.Instant.now().plusSeconds(86400).toString());
        draft.put("priority", "NORMAL");
        Api.Response task = api.post("/api/v1/collaboration-tasks").bearer(rep.token()).json(draft).send();
        assertThat(task.status()).as("%s", task).isEqualTo(201);
        UUID taskId = UUID.fromString(task.json().get("id").asString());
        api.post("/api/v1/comments").bearer(rep.token()).json(Map.of("recordType", "collaboration", "recordId",
                taskId, "text", "@service1 @sales2 请跟进")).send();
        assertThat(mentions("service1", taskId)).isEqualTo(1);
        assertThat(mentions("sales2", taskId)).isZero();
    }

    @Test
    @DisplayName("a <script> in a comment is shown as text on the page and never runs")
    void storedScriptIsInert() {
        Rep rep = rep();
        String attack = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        api.post("/api/v1/comments").bearer(rep.token()).json(Map.of("recordType", "customer", "recordId",
                rep.customerId(), "text", attack)).send();
        WebSession session = new WebSession(api);
        session.login(rep.user().username(), rep.user().password());
        String panel = session.get("/comments/panel?recordType=customer&recordId=" + rep.customerId()).text();
        assertThat(panel).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>alert").doesNotContain("<img src=x");
        String csrf = session.csrfFrom("/customers/" + rep.customerId());
        Api.Response added = session.post("/comments", "_csrf", csrf, "recordType", "customer", "recordId",
                rep.customerId().toString(), "text", "<b>bold</b> @manager");
        assertThat(added.status()).isEqualTo(302);
        assertThat(session.get("/comments/panel?recordType=customer&recordId=" + rep.customerId()).text())
                .contains("&lt;b&gt;bold&lt;/b&gt;").doesNotContain("<b>bold</b>");
    }

    @Test
    @DisplayName("mentions are parsed from @username, not from e-mail addresses")
    void mentionParsing() {
        assertThat(CommentManagement.mentions("hi @sales1, mail a@b.com and @tech1. (@x)"))
                .containsExactly("sales1", "tech1");
    }
}

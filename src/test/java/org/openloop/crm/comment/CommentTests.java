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

    // --- editing and deleting ----------------------------------------------------------------------------------

    private JsonNode comment(Rep rep, String text) {
        Api.Response posted = api.post("/api/v1/comments").bearer(rep.token()).json(Map.of("recordType", "customer",
                "recordId", rep.customerId(), "text", text)).send();
        assertThat(posted.status()).as("%s", posted).isEqualTo(201);
        return posted.json();
    }

    /** Sends an edit of a comment's text based on {@code version} through a PUT call already addressed and signed. */
    private static Api.Response edit(String text, long version, Api.Call put) {
        return put.json(Map.of("text", text, "version", version)).send();
    }

    @Test
    @DisplayName("E8: the author edits their comment: new text, an edited mark on the page, old → new in the audit trail")
    void authorEdits() {
        Rep rep = rep();
        JsonNode created = comment(rep, "初稿");
        String id = created.get("id").asString();
        assertThat(created.get("editedAt").isNull()).isTrue();
        Api.Response edited = edit("  定稿  ", created.get("version").asLong(),
                api.put("/api/v1/comments/" + id).bearer(rep.token()));
        assertThat(edited.status()).as("%s", edited).isEqualTo(200);
        assertThat(edited.json().get("text").asString()).isEqualTo("定稿");
        assertThat(edited.json().get("editedAt").isNull()).isFalse();
        assertThat(edited.header("ETag")).isEqualTo("\"" + edited.json().get("version").asLong() + "\"");
        JsonNode listed = api.get("/api/v1/comments?recordType=customer&recordId=" + rep.customerId()).as("manager")
                .send().json();
        assertThat(listed.get(0).get("text").asString()).isEqualTo("定稿");

        WebSession session = new WebSession(api);
        session.login(rep.user().username(), rep.user().password());
        String panel = session.get("/comments/panel?recordType=customer&recordId=" + rep.customerId()).text();
        assertThat(panel).contains("定稿").contains("(edited)").contains("data-testid=\"comment-edit\"")
                .contains("data-testid=\"comment-delete\"");

        JsonNode history = api.get("/api/v1/audit-events?entityType=comment&entityId=" + id).as("admin").send()
                .json().get("items");
        assertThat(history.toString()).contains("\"field\":\"text\"").contains("\"oldValue\":\"初稿\"")
                .contains("\"newValue\":\"定稿\"");
        // an empty text is refused like on create, in the caller's language
        Api.Response empty = edit("   ", edited.json().get("version").asLong(),
                api.put("/api/v1/comments/" + id).bearer(rep.token()).language("zh-CN"));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.contentType()).contains("application/problem+json");
        assertThat(empty.text()).contains("请填写评论");
    }

    @Test
    @DisplayName("E8: someone else's comment cannot be edited or deleted (403), nor one on a record outside scope (404)")
    void othersMayNotEdit() {
        Rep rep = rep();
        String id = comment(rep, "我的评论").get("id").asString();
        assertThat(edit("经理改的", 0, api.put("/api/v1/comments/" + id).as("manager")).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/comments/" + id).as("manager").send().status()).isEqualTo(403);
        assertThat(edit("偷改", 0, api.put("/api/v1/comments/" + id).as("sales2")).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/comments/" + id).as("sales2").send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/comments/" + id).as("sales2").send().status()).isEqualTo(404);
        assertThat(api.put("/api/v1/comments/" + UUID.randomUUID()).bearer(rep.token())
                .json(Map.of("text", "x")).send().status()).isEqualTo(404);
        JsonNode listed = api.get("/api/v1/comments?recordType=customer&recordId=" + rep.customerId()).as("manager")
                .send().json();
        assertThat(listed.get(0).get("text").asString()).isEqualTo("我的评论");

        // the page shows the controls to the author only, and refuses the edit form to anyone else
        WebSession manager = new WebSession(api);
        manager.login("manager", Api.DEMO_PASSWORD);
        assertThat(manager.get("/comments/panel?recordType=customer&recordId=" + rep.customerId()).text())
                .contains("我的评论").doesNotContain("data-testid=\"comment-edit\"")
                .doesNotContain("data-testid=\"comment-delete\"");
        assertThat(manager.get("/comments/" + id + "/edit").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("E8: an edit based on a stale version is refused with 409 (412 with If-Match) and changes nothing")
    void staleVersion() {
        Rep rep = rep();
        JsonNode created = comment(rep, "第一版");
        String id = created.get("id").asString();
        long seen = created.get("version").asLong();
        assertThat(edit("第二版", seen, api.put("/api/v1/comments/" + id).bearer(rep.token())).status())
                .isEqualTo(200);
        Api.Response stale = edit("第三版", seen, api.put("/api/v1/comments/" + id).bearer(rep.token()));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).contains("application/problem+json");
        Api.Response ifMatch = api.put("/api/v1/comments/" + id).bearer(rep.token()).header("If-Match", "\"" + seen + "\"")
                .json(Map.of("text", "第三版")).send();
        assertThat(ifMatch.status()).isEqualTo(412);
        assertThat(api.get("/api/v1/comments/" + id).bearer(rep.token()).send().json().get("text").asString())
                .isEqualTo("第二版");
    }

    @Test
    @DisplayName("E8: an edited <script> is shown as text on the page, and the page's edit form saves through CSRF")
    void editedScriptIsInert() {
        Rep rep = rep();
        JsonNode created = comment(rep, "普通评论");
        String id = created.get("id").asString();
        WebSession session = new WebSession(api);
        session.login(rep.user().username(), rep.user().password());
        String form = session.get("/comments/" + id + "/edit").text();
        assertThat(form).contains("data-testid=\"comment-edit-form\"").contains("普通评论");
        String csrf = session.csrfFrom("/customers/" + rep.customerId());
        assertThat(session.post("/comments/" + id, "text", "<script>alert(1)</script>", "version", "0").status())
                .as("without CSRF").isEqualTo(403);
        Api.Response saved = session.post("/comments/" + id, "_csrf", csrf, "text",
                "<script>alert('x')</script><img src=x onerror=alert(1)>", "version", "0");
        assertThat(saved.status()).isEqualTo(302);
        String panel = session.get("/comments/panel?recordType=customer&recordId=" + rep.customerId()).text();
        assertThat(panel).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>alert").doesNotContain("<img src=x").contains("(edited)");
    }

    @Test
    @DisplayName("E8: a mention added by an edit notifies once, only users who may read the record, never again on later edits")
    void mentionAddedByEdit() {
        Rep rep = rep();
        JsonNode created = comment(rep, "请大家看一下");
        String id = created.get("id").asString();
        Api.Response first = edit("请 @manager 看一下", created.get("version").asLong(),
                api.put("/api/v1/comments/" + id).bearer(rep.token()));
        assertThat(first.status()).isEqualTo(200);
        assertThat(mentions("manager", rep.customerId())).isEqualTo(1);
        Api.Response second = edit("请 @manager 再看一下，@sales2 也看看", first.json().get("version").asLong(),
                api.put("/api/v1/comments/" + id).bearer(rep.token()));
        assertThat(second.status()).isEqualTo(200);
        assertThat(mentions("manager", rep.customerId())).as("already mentioned before the edit").isEqualTo(1);
        assertThat(mentions("sales2", rep.customerId())).as("sales2 may not read the customer").isZero();
    }

    @Test
    @DisplayName("E8: the author deletes their comment (204, then gone, audited); an administrator may delete any")
    void deleteComment() {
        Rep rep = rep();
        String id = comment(rep, "要删的评论").get("id").asString();
        assertThat(api.delete("/api/v1/comments/" + id).bearer(rep.token()).send().status()).isEqualTo(204);
        assertThat(api.get("/api/v1/comments/" + id).bearer(rep.token()).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/comments?recordType=customer&recordId=" + rep.customerId()).bearer(rep.token())
                .send().json()).isEmpty();
        assertThat(api.delete("/api/v1/comments/" + id).bearer(rep.token()).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/audit-events?entityType=comment&entityId=" + id).as("admin").send().text())
                .contains("DELETE");

        String other = comment(rep, "管理员删的评论").get("id").asString();
        assertThat(api.delete("/api/v1/comments/" + other).as("admin").send().status()).isEqualTo(204);

        // and from the page, through the panel's delete form
        String third = comment(rep, "页面删的评论").get("id").asString();
        WebSession session = new WebSession(api);
        session.login(rep.user().username(), rep.user().password());
        String csrf = session.csrfFrom("/customers/" + rep.customerId());
        assertThat(session.post("/comments/" + third + "/delete", "_csrf", csrf).status()).isEqualTo(302);
        assertThat(session.get("/comments/panel?recordType=customer&recordId=" + rep.customerId()).text())
                .doesNotContain("页面删的评论");
    }
}

package org.openloop.crm.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.TestData.TestUser;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Collaboration tasks on every channel (E1–E7): workflow, visibility, numbers, notifications, escalation, loop. */
@CrmIntegrationTest
class CollaborationTests {

    @Autowired
    Api api;

    @Autowired
    CollaborationEscalationJob escalationJob;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("the whole loop over the API: notify, accept, log, submit, send back, approve, satisfaction on the timeline")
    void wholeLoop() {
        CollaborationCast cast = new CollaborationCast(api);
        JsonNode task = cast.startTask("提供云存储方案对比");
        String id = task.get("id").asString();
        assertThat(task.get("state").asString()).isEqualTo("PENDING");
        assertThat(task.get("number").asString()).matches("X\\d{3,}");
        assertThat(cast.notificationsOf(cast.asked, "collaboration.assigned", id)).isEqualTo(1);

        assertThat(cast.step(cast.asked, id, "accept", Map.of()).json().get("state").asString())
                .isEqualTo("IN_PROGRESS");
        assertThat(cast.notificationsOf(cast.initiator, "collaboration.changed", id)).isEqualTo(1);
        Api.Response logged = cast.as(cast.asked, api.post("/api/v1/collaboration-tasks/" + id + "/log"))
                .json(Map.of("kind", "PROGRESS", "text", "已整理对比方案")).send();
        assertThat(logged.status()).as("%s", logged).isEqualTo(201);
        assertThat(cast.step(cast.asked, id, "submit", Map.of()).json().get("state").asString())
                .isEqualTo("IN_REVIEW");

        Api.Response noReason = cast.step(cast.initiator, id, "send-back", Map.of());
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        Api.Response sentBack = cast.step(cast.initiator, id, "send-back", Map.of("reason", "请补充价格"));
        assertThat(sentBack.json().get("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(cast.notificationsOf(cast.asked, "collaboration.changed", id)).isEqualTo(1);
        cast.step(cast.asked, id, "submit", Map.of());
        Api.Response approved = cast.step(cast.initiator, id, "approve", Map.of());
        assertThat(approved.json().get("state").asString()).isEqualTo("DONE");
        assertThat(approved.json().get("completedAt").isNull()).isFalse();

        JsonNode log = cast.as(cast.member, api.get("/api/v1/collaboration-tasks/" + id + "/log")).send().json();
        assertThat(log).extracting(e -> e.get("kind").asString()).containsExactly("PROGRESS", "SENT_BACK");

        Api.Response byAsked = cast.step(cast.asked, id, "satisfaction",
                Map.of("satisfaction", "SATISFIED", "finalSolution", "x"));
        assertThat(byAsked.status()).isEqualTo(422);
        Api.Response closed = cast.step(cast.initiator, id, "satisfaction",
                Map.of("satisfaction", "VERY_SATISFIED", "finalSolution", "已提交三家方案对比，客户选定方案二"));
        assertThat(closed.status()).as("%s", closed).isEqualTo(200);

        JsonNode timeline = cast.as(cast.initiator, api.get("/api/v1/customers/" + cast.customerId
                + "/timeline?kinds=collaboration")).send().json();
        assertThat(timeline.get("items")).hasSize(1);
        assertThat(timeline.get("items").get(0).get("detail").asString()).isEqualTo("已提交三家方案对比，客户选定方案二");
        assertThat(timeline.get("items").get(0).get("title").asString()).contains(task.get("number").asString())
                .contains("Very satisfied");
    }

    @Test
    @DisplayName("illegal steps are refused with a localised problem: wrong person 422, wrong state 409, stale version 409")
    void illegalSteps() {
        CollaborationCast cast = new CollaborationCast(api);
        String id = cast.startTask("非法操作").get("id").asString();
        Api.Response initiatorAccepts = cast.step(cast.initiator, id, "accept", Map.of());
        assertThat(initiatorAccepts.status()).isEqualTo(422);
        assertThat(initiatorAccepts.contentType()).startsWith("application/problem+json");
        assertThat(initiatorAccepts.json().get("detail").asString())
                .isEqualTo("Only the people asked can accept this task.");
        Api.Response submitTooEarly = cast.step(cast.asked, id, "submit", Map.of());
        assertThat(submitTooEarly.status()).isEqualTo(409);
        assertThat(submitTooEarly.json().get("detail").asString())
                .isEqualTo("“Submit for review” is not possible while the task is “Waiting to be accepted”.");
        Api.Response chinese = cast.as(cast.asked, api.post("/api/v1/collaboration-tasks/" + id + "/submit"))
                .language("zh-CN").json(Map.of()).send();
        assertThat(chinese.json().get("detail").asString()).isEqualTo("任务处于“待接收”状态，不能执行“提交审核”。");
        Api.Response memberAccepts = cast.step(cast.member, id, "accept", Map.of());
        assertThat(memberAccepts.status()).as("a colleague of the person asked is not asked").isEqualTo(422);
        Api.Response stale = cast.step(cast.asked, id, "accept", Map.of("version", 99));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(cast.as(cast.initiator, api.get("/api/v1/collaboration-tasks/" + id)).send().json().get("state")
                .asString()).isEqualTo("PENDING");
    }

    @Test
    @DisplayName("visibility: initiator, person asked, department member, coordinator, manager see it; others get 404")
    void visibilityMatrix() {
        CollaborationCast cast = new CollaborationCast(api);
        String id = cast.startTask("可见性").get("id").asString();
        Map<String, TestUser> seeing = Map.of("initiator", cast.initiator, "asked", cast.asked, "member",
                cast.member, "coordinator", cast.coordinator);
        seeing.forEach((who, user) -> {
            assertThat(cast.as(user, api.get("/api/v1/collaboration-tasks/" + id)).send().status()).as(who)
                    .isEqualTo(200);
            assertThat(ids(cast.as(user, api.get("/api/v1/collaboration-tasks?size=100")).send().json()))
                    .as(who).contains(id);
            assertThat(page(user, "/collaboration/" + id).status()).as("page " + who).isEqualTo(200);
        });
        assertThat(api.get("/api/v1/collaboration-tasks/" + id).as("manager").send().status())
                .as("the sales manager's scope covers the initiator's team").isEqualTo(200);

        assertThat(api.get("/api/v1/collaboration-tasks/" + id).as("sales2").send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/collaboration-tasks/" + id).as("tech1").send().status()).isEqualTo(404);
        TestUser outsider = cast.outsider;
        assertThat(cast.as(outsider, api.get("/api/v1/collaboration-tasks/" + id)).send().status()).isEqualTo(404);
        assertThat(ids(cast.as(outsider, api.get("/api/v1/collaboration-tasks?size=100")).send().json()))
                .doesNotContain(id);
        for (String step : List.of("accept", "submit", "approve", "send-back", "escalate", "log", "satisfaction")) {
            assertThat(cast.step(outsider, id, step, Map.of("reason", "x", "kind", "PROGRESS", "text", "x")).status())
                    .as(step).isEqualTo(404);
        }
        assertThat(cast.as(outsider, api.get("/api/v1/collaboration-tasks/" + id + "/log")).send().status())
                .isEqualTo(404);
        assertThat(cast.as(outsider, api.get("/api/v1/comments?recordType=collaboration&recordId=" + id)).send()
                .status()).isEqualTo(404);
        assertThat(page(outsider, "/collaboration/" + id).status()).isEqualTo(404);
        assertThat(page(outsider, "/comments/panel?recordType=collaboration&recordId=" + id).status()).isEqualTo(404);

        // involvement filters
        assertThat(ids(cast.as(cast.asked, api.get("/api/v1/collaboration-tasks?involvement=asked")).send().json()))
                .contains(id);
        assertThat(ids(cast.as(cast.member, api.get("/api/v1/collaboration-tasks?involvement=asked")).send().json()))
                .doesNotContain(id);
        assertThat(ids(cast.as(cast.member, api.get("/api/v1/collaboration-tasks?involvement=departments")).send()
                .json())).contains(id);
        assertThat(ids(cast.as(cast.initiator, api.get("/api/v1/collaboration-tasks?involvement=mine")).send().json()))
                .containsExactly(id);
    }

    @Test
    @DisplayName("numbers X001… stay unique when many tasks are started at once")
    void uniqueNumbersUnderConcurrency() throws Exception {
        CollaborationCast cast = new CollaborationCast(api);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> numbers = new ArrayList<>();
        String token = cast.token(cast.initiator);
        for (int i = 0; i < threads * 2; i++) {
            int n = i;
            Callable<String> create = () -> {
                start.await();
                Api.Response created = api.post("/api/v1/collaboration-tasks").bearer(token)
                        .json(cast.draft("并发 " + n)).send();
                assertThat(created.status()).as("%s", created).isEqualTo(201);
                return created.json().get("number").asString();
            };
            numbers.add(pool.submit(create));
        }
        start.countDown();
        Set<String> distinct = new HashSet<>();
        for (Future<String> number : numbers) {
            distinct.add(number.get());
        }
        pool.shutdown();
        assertThat(distinct).hasSize(threads * 2).allMatch(n -> n.matches("X\\d{3,}"));
    }

    @Test
    @DisplayName("create honours Idempotency-Key")
    void idempotentCreate() {
        CollaborationCast cast = new CollaborationCast(api);
        String key = "k" + TestData.unique();
        Api.Response first = cast.as(cast.initiator, api.post("/api/v1/collaboration-tasks"))
                .header("Idempotency-Key", key).json(cast.draft("幂等")).send();
        Api.Response again = cast.as(cast.initiator, api.post("/api/v1/collaboration-tasks"))
                .header("Idempotency-Key", key).json(cast.draft("幂等")).send();
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(ids(cast.as(cast.initiator, api.get("/api/v1/collaboration-tasks")).send().json())).hasSize(1);
    }

    @Test
    @DisplayName("an overdue task is escalated to the coordinator once, however often the job runs, also concurrently")
    void escalationOnce() throws Exception {
        CollaborationCast cast = new CollaborationCast(api);
        String id = cast.startTask("逾期").get("id").asString();
        String notYet = cast.startTask("未逾期").get("id").asString();
        jdbc.sql("update collaboration_task set expected_at = ? where id = ?")
                .params(java.time.OffsetDateTime.now().minusHours(2), UUID.fromString(id)).update();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> run = () -> {
            start.await();
            return escalationJob.escalateOverdue();
        };
        Future<Integer> a = pool.submit(run);
        Future<Integer> b = pool.submit(run);
        start.countDown();
        a.get();
        b.get();
        escalationJob.escalateOverdue();
        pool.shutdown();

        assertThat(cast.notificationsOf(cast.coordinator, "collaboration.escalated", id)).isEqualTo(1);
        assertThat(cast.notificationsOf(cast.coordinator, "collaboration.escalated", notYet)).isZero();
        JsonNode task = cast.as(cast.coordinator, api.get("/api/v1/collaboration-tasks/" + id)).send().json();
        assertThat(task.get("escalatedAt").isNull()).isFalse();
        assertThat(task.get("overdue").asBoolean()).isTrue();
        JsonNode log = cast.as(cast.initiator, api.get("/api/v1/collaboration-tasks/" + id + "/log")).send().json();
        assertThat(log).extracting(e -> e.get("kind").asString()).containsExactly("ESCALATED");
        assertThat(ids(cast.as(cast.initiator, api.get("/api/v1/collaboration-tasks?overdue=true")).send().json()))
                .containsExactly(id);
        JsonNode audit = api.get("/api/v1/audit-events?entityType=collaboration&entityId=" + id + "&size=100").as("admin")
                .send().json();
        assertThat(audit.toString()).contains("escalatedAt");

        Api.Response byHand = cast.step(cast.initiator, notYet, "escalate", Map.of("reason", "客户催促"));
        assertThat(byHand.status()).as("%s", byHand).isEqualTo(200);
        assertThat(cast.notificationsOf(cast.coordinator, "collaboration.escalated", notYet)).isEqualTo(1);
        assertThat(cast.step(cast.asked, notYet, "escalate", Map.of("reason", "x")).status()).isEqualTo(422);
    }

    @Test
    @DisplayName("figures on a fixed set: count, completed, average time, on-time rate and satisfaction by person")
    void stats() {
        CollaborationCast cast = new CollaborationCast(api);
        String onTime = cast.startTask("按时").get("id").asString();
        String late = cast.startTask("逾期完成").get("id").asString();
        cast.startTask("未完成");
        for (String id : List.of(onTime, late)) {
            cast.step(cast.asked, id, "accept", Map.of());
            cast.step(cast.asked, id, "submit", Map.of());
        }
        jdbc.sql("update collaboration_task set expected_at = ?, escalated_at = ? where id = ?")
                .params(java.time.OffsetDateTime.now().minusMinutes(1), java.time.OffsetDateTime.now(),
                        UUID.fromString(late)).update();
        cast.step(cast.initiator, onTime, "approve", Map.of());
        cast.step(cast.initiator, late, "approve", Map.of());
        cast.step(cast.initiator, onTime, "satisfaction", Map.of("satisfaction", "VERY_SATISFIED", "finalSolution", "a"));
        cast.step(cast.initiator, late, "satisfaction", Map.of("satisfaction", "DISSATISFIED", "finalSolution", "b"));

        JsonNode stats = cast.as(cast.initiator, api.get("/api/v1/collaboration-tasks/stats?period=week")).send()
                .json();
        JsonNode total = stats.get("total");
        assertThat(total.get("count").asLong()).isEqualTo(3);
        assertThat(total.get("completed").asLong()).isEqualTo(2);
        assertThat(total.get("onTimeRate").asDouble()).isEqualTo(50.0);
        assertThat(total.get("averageHours").asDouble()).isLessThan(1.0);
        assertThat(total.get("satisfaction").get("VERY_SATISFIED").asLong()).isEqualTo(1);
        assertThat(total.get("satisfaction").get("DISSATISFIED").asLong()).isEqualTo(1);
        assertThat(total.get("satisfaction").get("SATISFIED").asLong()).isZero();
        assertThat(stats.get("byPerson")).hasSize(1);
        assertThat(stats.get("byPerson").get(0).get("key").asString()).isEqualTo(cast.asked.id().toString());
        assertThat(stats.get("byDepartment")).hasSize(1);
        assertThat(stats.get("byDepartment").get(0).get("count").asLong()).isEqualTo(3);

        JsonNode outsider = cast.as(cast.outsider, api.get("/api/v1/collaboration-tasks/stats?period=month")).send()
                .json();
        assertThat(outsider.get("total").get("count").asLong()).as("nothing the outsider may not see").isZero();
        assertThat(page(cast.initiator, "/collaboration/stats?period=month").text()).contains("50.0%");
    }

    @Test
    @DisplayName("the customer page offers the button and the tab; pages run the workflow with form messages")
    void pages() {
        CollaborationCast cast = new CollaborationCast(api);
        WebSession initiator = session(cast.initiator);
        String customerPage = initiator.get("/customers/" + cast.customerId).text();
        assertThat(customerPage).contains("customer-ask-collaboration").contains("/collaboration/panel?customerId=");
        String csrf = initiator.csrfFrom("/collaboration/new?customerId=" + cast.customerId);
        Api.Response created = initiator.post("/collaboration/new", "_csrf", csrf, "customerId",
                cast.customerId.toString(), "userIds", cast.asked.id().toString(), "content", "页面发起",
                "expectedAt", java.time.LocalDateTime.now().plusDays(2).withNano(0).withSecond(0).toString(),
                "priority", "IMPORTANT");
        assertThat(created.status()).as(created.text()).isEqualTo(302);
        String location = created.header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(initiator.get("/collaboration/" + id).text()).contains("started; the people asked have been notified");
        assertThat(initiator.get("/collaboration/panel?customerId=" + cast.customerId).text()).contains("页面发起");

        Api.Response refused = initiator.post("/collaboration/" + id + "/accept", "_csrf", csrf);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(initiator.get("/collaboration/" + id).text()).contains("Only the people asked can accept this task.");

        WebSession asked = session(cast.asked);
        String askedCsrf = asked.csrfFrom("/collaboration/" + id);
        assertThat(asked.get("/collaboration/" + id).text()).contains("collaboration-accept");
        asked.post("/collaboration/" + id + "/accept", "_csrf", askedCsrf);
        assertThat(cast.as(cast.asked, api.get("/api/v1/collaboration-tasks/" + id)).send().json().get("state")
                .asString()).isEqualTo("IN_PROGRESS");
        assertThat(initiator.get("/collaboration?state=IN_PROGRESS").text()).contains("页面发起");
    }

    private WebSession session(TestUser user) {
        WebSession session = new WebSession(api);
        session.login(user.username(), user.password());
        return session;
    }

    private Api.Response page(TestUser user, String path) {
        return session(user).get(path);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(t -> ids.add(t.get("id").asString()));
        return ids;
    }
}

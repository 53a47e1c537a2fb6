package org.openloop.crm.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Tasks and activities (D1-D5) through the API and pages: assignment by a manager with the A5 check, data scope on
 * every verb, "my tasks", reminders and overdue alarms sent once however often the job runs, and rescheduling that
 * refuses stale versions.
 */
@CrmIntegrationTest
class TaskTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskReminderJob job;

    static Map<String, Object> task(String subject, Instant due) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("dueAt", due.truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("priority", "HIGH");
        return body;
    }

    private JsonNode create(String user, Map<String, Object> body) {
        Api.Response response = api.post("/api/v1/tasks").as(user).json(body).send();
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    private long notifications(UUID user, String type, String taskId) {
        return jdbc.sql("select count(*) from notification where user_id = ? and type = ? and link = ?")
                .params(user, type, "/tasks/" + taskId).query(Long.class).single();
    }

    @Test
    @DisplayName("D3/A5: a manager assigns a task to a rep, who is notified; a user without rights is refused with the reason")
    void managerAssigns() {
        DemoOrganization org = DemoOrganization.load(api);
        UUID sales1 = org.user("sales1").id();
        Map<String, Object> body = task("本周拜访新客户" + TestData.unique(), Instant.now().plus(3, ChronoUnit.DAYS));
        body.put("assigneeId", sales1);
        body.put("remindMinutesBefore", 60);
        JsonNode assigned = create("manager", body);
        String id = assigned.get("id").asString();
        assertThat(assigned.get("ownerId").asString()).isEqualTo(sales1.toString());
        assertThat(assigned.get("ownerName").asString()).isEqualTo("李明");
        assertThat(notifications(sales1, "task.assigned", id)).isEqualTo(1);

        // the rep records completion, the manager sees it
        Map<String, Object> done = new HashMap<>(body);
        done.remove("assigneeId");
        done.put("status", "DONE");
        done.put("outcome", "已拜访，客户有意向");
        done.put("version", assigned.get("version").asLong());
        Api.Response completed = api.put("/api/v1/tasks/" + id).as("sales1").json(done).send();
        assertThat(completed.status()).as("%s", completed).isEqualTo(200);
        assertThat(completed.json().get("completedAt").isNull()).isFalse();
        assertThat(api.get("/api/v1/tasks/" + id).as("manager").send().json().get("status").asString())
                .isEqualTo("DONE");

        // a user without the activity permission cannot take a task (A5), and a rep cannot assign at all
        UUID noActivity = TestData.createRole(api, "OWN", false, Set.of("customer:view"));
        TestData.TestUser outsider = TestData.createUser(api, org.user("sales1").departmentId(), List.of(noActivity));
        Map<String, Object> refused = task("不该分配", Instant.now().plus(1, ChronoUnit.DAYS));
        refused.put("assigneeId", outsider.id());
        Api.Response refusal = api.post("/api/v1/tasks").as("manager").language("en").json(refused).send();
        assertThat(refusal.status()).as("%s", refusal).isEqualTo(422);
        assertThat(refusal.json().get("errors").get(0).get("field").asString()).isEqualTo("assigneeId");
        assertThat(refusal.text()).contains("no permission");
        Map<String, Object> byRep = task("代表分配", Instant.now().plus(1, ChronoUnit.DAYS));
        byRep.put("assigneeId", org.user("sales2").id());
        assertThat(api.post("/api/v1/tasks").as("sales1").json(byRep).send().status()).isEqualTo(403);
        Api.Response reassign = api.post("/api/v1/tasks/" + id + "/assign").as("manager")
                .json(Map.of("assigneeId", outsider.id())).send();
        assertThat(reassign.status()).isEqualTo(422);
    }

    @Test
    @DisplayName("A3: another rep gets 404 on a task on every verb and channel, and it stays out of their lists and calendar")
    void scope() {
        JsonNode created = create("sales1", task("私人任务" + TestData.unique(), Instant.now().plus(1, ChronoUnit.DAYS)));
        String id = created.get("id").asString();
        Map<String, Object> update = task("偷改", Instant.now());
        update.put("version", created.get("version").asLong());
        assertThat(api.get("/api/v1/tasks/" + id).as("sales2").send().status()).isEqualTo(404);
        assertThat(api.put("/api/v1/tasks/" + id).as("sales2").json(update).send().status()).isEqualTo(404);
        assertThat(api.post("/api/v1/tasks/" + id + "/reschedule").as("sales2")
                .json(Map.of("dueAt", Instant.now().toString(), "version", 0)).send().status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/tasks/" + id).as("sales2").send().status()).isIn(403, 404);
        assertThat(api.get("/api/v1/tasks?size=100").as("sales2").send().text()).doesNotContain(id);
        UUID sales1 = DemoOrganization.load(api).user("sales1").id();
        String range = "&from=" + Instant.now().minus(2, ChronoUnit.DAYS) + "&to=" + Instant.now().plus(5, ChronoUnit.DAYS);
        assertThat(api.get("/api/v1/tasks/calendar?userId=" + sales1 + range).as("sales2").send().status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/tasks/calendar?userId=" + sales1 + range).as("manager").send().text())
                .contains(id);
        assertThat(api.get("/api/v1/tasks?size=100").as("manager").send().text()).contains(id);

        WebSession sales2 = new WebSession(api);
        sales2.login("sales2", Api.DEMO_PASSWORD);
        assertThat(sales2.get("/tasks/" + id).status()).isEqualTo(404);
        assertThat(sales2.get("/tasks/" + id + "/edit").status()).isEqualTo(404);
        assertThat(sales2.get("/calendar?userId=" + sales1).status()).isEqualTo(404);
        assertThat(sales2.get("/tasks").text()).doesNotContain(id);
    }

    @Test
    @DisplayName("D4: the reminder and the overdue alarm are sent once each, however often the job runs")
    void remindersOnce() {
        UUID sales1 = DemoOrganization.load(api).user("sales1").id();
        Map<String, Object> soon = task("即将到期" + TestData.unique(), Instant.now().plus(10, ChronoUnit.MINUTES));
        soon.put("remindMinutesBefore", 30);
        String soonId = create("sales1", soon).get("id").asString();
        Map<String, Object> late = task("已经逾期" + TestData.unique(), Instant.now().minus(2, ChronoUnit.HOURS));
        String lateId = create("sales1", late).get("id").asString();
        Map<String, Object> later = task("以后再说" + TestData.unique(), Instant.now().plus(5, ChronoUnit.DAYS));
        later.put("remindMinutesBefore", 30);
        String laterId = create("sales1", later).get("id").asString();
        Map<String, Object> doneLate = task("已完成的逾期" + TestData.unique(), Instant.now().minus(1, ChronoUnit.HOURS));
        doneLate.put("status", "DONE");
        String doneId = create("sales1", doneLate).get("id").asString();

        job.remindAndAlarm();
        job.remindAndAlarm();

        assertThat(notifications(sales1, "task.reminder", soonId)).isEqualTo(1);
        assertThat(notifications(sales1, "task.overdue", soonId)).isZero();
        assertThat(notifications(sales1, "task.overdue", lateId)).isEqualTo(1);
        assertThat(notifications(sales1, "task.reminder", laterId)).isZero();
        assertThat(notifications(sales1, "task.overdue", doneId)).isZero();

        // the marks never make a user's form stale
        JsonNode current = api.get("/api/v1/tasks/" + soonId).as("sales1").send().json();
        assertThat(current.get("version").asLong()).isZero();
    }

    @Test
    @DisplayName("D5: rescheduling keeps the length, and refuses a stale version with 409")
    void reschedule() {
        Instant due = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> body = task("可调整的任务" + TestData.unique(), due);
        body.put("startAt", due.minus(1, ChronoUnit.HOURS).toString());
        JsonNode created = create("sales1", body);
        String id = created.get("id").asString();
        Instant moved = due.plus(1, ChronoUnit.DAYS);
        Api.Response ok = api.post("/api/v1/tasks/" + id + "/reschedule").as("sales1")
                .json(Map.of("dueAt", moved.toString(), "version", created.get("version").asLong())).send();
        assertThat(ok.status()).as("%s", ok).isEqualTo(200);
        assertThat(Instant.parse(ok.json().get("dueAt").asString())).isEqualTo(moved);
        assertThat(Instant.parse(ok.json().get("startAt").asString())).isEqualTo(moved.minus(1, ChronoUnit.HOURS));
        Api.Response stale = api.post("/api/v1/tasks/" + id + "/reschedule").as("sales1")
                .json(Map.of("dueAt", due.toString(), "version", created.get("version").asLong())).send();
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");

        // the page form posts the same way and shows the conflict instead of moving the task
        WebSession session = new WebSession(api);
        session.login("sales1", Api.DEMO_PASSWORD);
        Api.Response page = session.post("/calendar/tasks/" + id + "/move", "_csrf", session.csrfFrom("/calendar"),
                "date",
                moved.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().plusDays(3).toString(), "version",
                String.valueOf(created.get("version").asLong()));
        assertThat(page.status()).isEqualTo(409);
        assertThat(Instant.parse(api.get("/api/v1/tasks/" + id).as("sales1").send().json().get("dueAt").asString()))
                .isEqualTo(moved);
    }

    @Test
    @DisplayName("D1: my tasks are split into overdue, today and upcoming; validation answers 4xx problems")
    void mineAndValidation() {
        String tag = TestData.unique();
        String overdue = create("sales1", task("逾期" + tag, Instant.now().minus(1, ChronoUnit.DAYS))).get("id")
                .asString();
        String upcoming = create("sales1", task("将来" + tag, Instant.now().plus(3, ChronoUnit.DAYS))).get("id")
                .asString();
        JsonNode mine = api.get("/api/v1/tasks/mine").as("sales1").send().json();
        assertThat(mine.get("overdue").toString()).contains(overdue).doesNotContain(upcoming);
        assertThat(mine.get("upcoming").toString()).contains(upcoming).doesNotContain(overdue);

        Map<String, Object> noDue = new HashMap<>(Map.of("subject", "没有截止"));
        Api.Response missing = api.post("/api/v1/tasks").as("sales1").json(noDue).send();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        Map<String, Object> backwards = task("倒序", Instant.now());
        backwards.put("startAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        Api.Response wrong = api.post("/api/v1/tasks").as("sales1").json(backwards).send();
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("startAt");
        Map<String, Object> badPriority = task("x", Instant.now());
        badPriority.put("priority", "URGENT");
        assertThat(api.post("/api/v1/tasks").as("sales1").json(badPriority).send().status()).isEqualTo(400);
        String foreignCustomer = TestData.createCustomer(api, "sales2", Map.of("name", "别人的客户" + tag)).get("id")
                .asString();
        Map<String, Object> foreign = task("x", Instant.now());
        foreign.put("customerId", foreignCustomer);
        assertThat(api.post("/api/v1/tasks").as("sales1").json(foreign).send().status()).isEqualTo(422);
    }
}

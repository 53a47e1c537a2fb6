package org.openloop.crm.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Interactions (C1) over the API and pages: recording with to-dos, customer type and tags in the same save, the
 * customer's last interaction, validation as 4xx problems, optimistic locking, idempotent creates, data scope on
 * every verb, and interactions and tasks on the customer's timeline (C2) only for those who may see them.
 */
@CrmIntegrationTest
class InteractionApiTests {

    @Autowired
    Api api;

    static Map<String, Object> body(String customerId, String subject) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId);
        body.put("channel", "VISIT");
        body.put("occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("place", "客户会议室");
        body.put("subject", subject);
        body.put("summary", "介绍了产品方案");
        body.put("feedback", "对价格敏感");
        body.put("agreements", "下周提交报价");
        return body;
    }

    private String customer(String owner) {
        return TestData.createCustomer(api, owner, Map.of("name", "沟通客户" + TestData.unique())).get("id")
                .asString();
    }

    private JsonNode record(String user, Map<String, Object> body) {
        Api.Response response = api.post("/api/v1/interactions").as(user).json(body).send();
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    @Test
    @DisplayName("C1: an interaction with to-dos, a type change and tags updates the customer and creates tasks in one save")
    void recordWithTodosTypeAndTags() {
        String customerId = customer("sales1");
        String tagName = "回访" + TestData.unique();
        Api.Response tag = api.post("/api/v1/customer-tags").as("manager").json(Map.of("name", tagName, "colour", "BLUE"))
                .send();
        assertThat(tag.status()).as("%s", tag).isEqualTo(201);
        String tagId = tag.json().get("id").asString();
        Map<String, Object> body = body(customerId, "首次拜访");
        UUID sales1 = DemoOrganization.load(api).user("sales1").id();
        body.put("participantIds", List.of(sales1));
        body.put("todos", List.of(Map.of("text", "发送报价单", "dueAt", Instant.now().plus(2, ChronoUnit.DAYS).toString()),
                Map.of("text", "安排技术交流")));
        body.put("createTasks", true);
        body.put("customerType", "POTENTIAL");
        body.put("tagIds", List.of(tagId));
        Instant occurredAt = Instant.parse((String) body.get("occurredAt"));

        JsonNode created = record("sales1", body);
        assertThat(created.get("ownerId").asString()).isEqualTo(sales1.toString());
        assertThat(created.get("todos")).hasSize(2);
        assertThat(created.get("todos").get(0).get("taskId").isNull()).isFalse();
        assertThat(created.get("participantNames").get(0).asString()).isEqualTo("李明");
        JsonNode reread = api.get("/api/v1/interactions/" + created.get("id").asString()).as("sales1").send().json();
        assertThat(reread.get("todos").get(1).get("taskId").isNull()).as("the link is stored").isFalse();

        JsonNode tasks = api.get("/api/v1/tasks?interactionId=" + created.get("id").asString()).as("sales1").send()
                .json().get("items");
        assertThat(tasks).hasSize(2);
        for (JsonNode task : tasks) {
            assertThat(task.get("customerId").asString()).isEqualTo(customerId);
            assertThat(task.get("ownerId").asString()).isEqualTo(sales1.toString());
            assertThat(task.get("kind").asString()).isEqualTo("CUSTOMER");
        }

        JsonNode customer = api.get("/api/v1/customers/" + customerId).as("sales1").send().json();
        assertThat(customer.get("type").asString()).isEqualTo("POTENTIAL");
        assertThat(customer.get("tags").toString()).contains(tagId);
        assertThat(Instant.parse(customer.get("lastInteractionAt").asString())).isEqualTo(occurredAt);

        // an older interaction does not move the last-interaction time back
        Map<String, Object> older = body(customerId, "早先的电话");
        older.put("occurredAt", occurredAt.minus(3, ChronoUnit.DAYS).toString());
        record("sales1", older);
        customer = api.get("/api/v1/customers/" + customerId).as("sales1").send().json();
        assertThat(Instant.parse(customer.get("lastInteractionAt").asString())).isEqualTo(occurredAt);
    }

    @Test
    @DisplayName("C1: the page form records an interaction and turns its to-dos into tasks when asked")
    void pageForm() {
        String customerId = customer("sales1");
        WebSession session = new WebSession(api);
        session.login("sales1", Api.DEMO_PASSWORD);
        String csrf = session.csrfFrom("/interactions/new?customerId=" + customerId);
        Api.Response blank = session.post("/interactions/new", "_csrf", csrf, "customerId", customerId, "channel",
                "PHONE", "occurredAt", "2026-01-05T10:00", "subject", "");
        assertThat(blank.status()).isEqualTo(200);
        assertThat(blank.text()).contains("error-subject");
        Api.Response saved = session.post("/interactions/new", "_csrf", csrf, "customerId", customerId, "channel",
                "VISIT", "occurredAt", "2026-01-05T10:00", "subject", "页面记录", "todos[0].text", "页面待办",
                "todos[0].dueDate", "2026-01-08", "createTasks", "true", "_createTasks", "on");
        assertThat(saved.status()).as("%s", saved).isEqualTo(302);
        String location = saved.header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonNode stored = api.get("/api/v1/interactions/" + id).as("sales1").send().json();
        assertThat(stored.get("todos").get(0).get("taskId").isNull()).as("%s", stored).isFalse();
        assertThat(api.get("/api/v1/tasks?interactionId=" + id).as("sales1").send().json().get("items")).hasSize(1);
    }

    @Test
    @DisplayName("C1: one click turns a to-do into a task, once")
    void makeTaskFromTodo() {
        Map<String, Object> body = body(customer("sales1"), "电话沟通");
        body.put("todos", List.of(Map.of("text", "寄送样品")));
        JsonNode created = record("sales1", body);
        assertThat(created.get("todos").get(0).get("taskId").isNull()).isTrue();
        String id = created.get("id").asString();

        Api.Response made = api.post("/api/v1/interactions/" + id + "/todos/0/task").as("sales1").send();
        assertThat(made.status()).as("%s", made).isEqualTo(201);
        assertThat(made.json().get("subject").asString()).isEqualTo("寄送样品");
        assertThat(made.json().get("interactionId").asString()).isEqualTo(id);
        JsonNode again = api.get("/api/v1/interactions/" + id).as("sales1").send().json();
        assertThat(again.get("todos").get(0).get("taskId").asString()).isEqualTo(made.json().get("id").asString());

        Api.Response twice = api.post("/api/v1/interactions/" + id + "/todos/0/task").as("sales1").send();
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/interactions/" + id + "/todos/5/task").as("sales1").send().status())
                .isEqualTo(422);
    }

    @Test
    @DisplayName("C1/K3: invalid input answers 4xx problem+json with field errors, never 500, and stores nothing")
    void validation() {
        String customerId = customer("sales1");
        Map<String, Object> blank = body(customerId, " ");
        blank.remove("channel");
        Api.Response missing = api.post("/api/v1/interactions").as("sales1").language("en").json(blank).send();
        assertThat(missing.status()).as("%s", missing).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        missing.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("subject", "channel");

        Map<String, Object> badEnum = body(customerId, "x");
        badEnum.put("channel", "TELEPATHY");
        Api.Response wrongEnum = api.post("/api/v1/interactions").as("sales1").json(badEnum).send();
        assertThat(wrongEnum.status()).isEqualTo(400);
        assertThat(wrongEnum.contentType()).startsWith("application/problem+json");

        Map<String, Object> badTodo = body(customerId, "x");
        badTodo.put("todos", List.of(Map.of("text", "")));
        assertThat(api.post("/api/v1/interactions").as("sales1").json(badTodo).send().status()).isEqualTo(400);

        // a contact of another customer
        String otherCustomer = customer("sales1");
        String contact = api.post("/api/v1/contacts").as("sales1")
                .json(Map.of("customerId", otherCustomer, "name", "张三")).send().json().get("id").asString();
        Map<String, Object> foreignContact = body(customerId, "x");
        foreignContact.put("contactIds", List.of(contact));
        Api.Response wrongContact = api.post("/api/v1/interactions").as("sales1").json(foreignContact).send();
        assertThat(wrongContact.status()).as("%s", wrongContact).isEqualTo(422);
        assertThat(wrongContact.json().get("errors").get(0).get("field").asString()).isEqualTo("contactIds");

        // a customer the author may not see
        Api.Response foreign = api.post("/api/v1/interactions").as("sales2").json(body(customerId, "x")).send();
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.json().get("errors").get(0).get("field").asString()).isEqualTo("customerId");

        assertThat(api.get("/api/v1/interactions?customerId=" + customerId).as("sales1").send().json().get("items"))
                .isEmpty();
        assertThat(api.get("/api/v1/interactions?sort=owner").as("sales1").send().status()).isEqualTo(400);
        assertThat(api.get("/api/v1/interactions/not-a-uuid").as("sales1").send().status()).isEqualTo(400);
    }

    @Test
    @DisplayName("K3: updates carry the version (stale → 409); creates honour Idempotency-Key")
    void versionsAndIdempotency() {
        Map<String, Object> body = body(customer("sales1"), "版本");
        String key = UUID.randomUUID().toString();
        Api.Response first = api.post("/api/v1/interactions").as("sales1").header("Idempotency-Key", key).json(body)
                .send();
        Api.Response replay = api.post("/api/v1/interactions").as("sales1").header("Idempotency-Key", key).json(body)
                .send();
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        String id = first.json().get("id").asString();

        body.put("subject", "改过的主题");
        body.put("version", first.json().get("version").asLong());
        Api.Response updated = api.put("/api/v1/interactions/" + id).as("sales1").json(body).send();
        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        assertThat(updated.json().get("subject").asString()).isEqualTo("改过的主题");
        Api.Response stale = api.put("/api/v1/interactions/" + id).as("sales1").json(body).send();
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
    }

    @Test
    @DisplayName("A3: another rep gets 404 on someone else's interaction on every verb, page and API, and no list entry")
    void scope() {
        String customerId = customer("sales1");
        JsonNode created = record("sales1", body(customerId, "保密沟通"));
        String id = created.get("id").asString();
        Map<String, Object> update = body(customerId, "偷改");
        update.put("version", created.get("version").asLong());

        assertThat(api.get("/api/v1/interactions/" + id).as("sales2").send().status()).isEqualTo(404);
        assertThat(api.put("/api/v1/interactions/" + id).as("sales2").json(update).send().status()).isEqualTo(404);
        assertThat(api.post("/api/v1/interactions/" + id + "/todos/0/task").as("sales2").send().status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/interactions/" + id + "/audit").as("sales2").send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/attachments?recordType=interaction&recordId=" + id).as("sales2").send()
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/interactions?size=100").as("sales2").send().text()).doesNotContain(id);
        assertThat(api.delete("/api/v1/interactions/" + id).as("sales2").send().status()).isIn(403, 404);

        assertThat(api.get("/api/v1/interactions/" + id).as("manager").send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/interactions?size=100").as("manager").send().text()).contains(id);

        WebSession sales2 = new WebSession(api);
        sales2.login("sales2", Api.DEMO_PASSWORD);
        assertThat(sales2.get("/interactions/" + id).status()).isEqualTo(404);
        assertThat(sales2.get("/interactions/" + id + "/edit").status()).isEqualTo(404);
        assertThat(sales2.get("/interactions").text()).doesNotContain(id);
        WebSession sales1 = new WebSession(api);
        sales1.login("sales1", Api.DEMO_PASSWORD);
        assertThat(sales1.get("/interactions/" + id).text()).contains("保密沟通");
    }

    @Test
    @DisplayName("C2: interactions and tasks stand on the customer's timeline newest first, only for readers who may see them")
    void timeline() {
        String customerId = customer("sales1");
        Instant base = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> first = body(customerId, "第一次沟通");
        first.put("occurredAt", base.toString());
        String firstId = record("sales1", first).get("id").asString();
        Map<String, Object> task = new HashMap<>(Map.of("subject", "中间的任务", "dueAt",
                base.plus(1, ChronoUnit.DAYS).toString(), "customerId", customerId));
        Api.Response createdTask = api.post("/api/v1/tasks").as("sales1").json(task).send();
        assertThat(createdTask.status()).as("%s", createdTask).isEqualTo(201);
        String taskId = createdTask.json().get("id").asString();
        Map<String, Object> second = body(customerId, "第二次沟通");
        second.put("occurredAt", base.plus(2, ChronoUnit.DAYS).toString());
        String secondId = record("sales1", second).get("id").asString();

        JsonNode page = api.get("/api/v1/customers/" + customerId + "/timeline?kinds=interaction,task&size=2")
                .as("sales1").send().json();
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(e -> ids.add(e.get("kind").asString() + ":" + e.get("id").asString()));
        String cursor = page.get("nextCursor").asString();
        api.get("/api/v1/customers/" + customerId + "/timeline?kinds=interaction,task&size=2&cursor=" + cursor)
                .as("sales1").send().json().get("items")
                .forEach(e -> ids.add(e.get("kind").asString() + ":" + e.get("id").asString()));
        assertThat(ids).containsExactly("interaction:" + secondId, "task:" + taskId, "interaction:" + firstId);

        // pooled: sales2 now sees the customer, but not sales1's interactions and tasks
        Api.Response returned = api.post("/api/v1/customers/" + customerId + "/return").as("sales1")
                .json(Map.of("reason", "暂无需求")).send();
        assertThat(returned.status()).as("%s", returned).isEqualTo(200);
        String own = record("sales2", body(customerId, "赵强的沟通")).get("id").asString();
        String seen = api.get("/api/v1/customers/" + customerId + "/timeline?kinds=interaction,task&size=50")
                .as("sales2").send().text();
        assertThat(seen).contains(own).doesNotContain(firstId).doesNotContain(secondId).doesNotContain(taskId);
    }
}

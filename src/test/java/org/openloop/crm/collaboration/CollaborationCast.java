package org.openloop.crm.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.TestData.TestUser;

import tools.jackson.databind.JsonNode;

/**
 * The people around one collaboration task, all new: an initiator in the demo's 销售一组 (so the sales manager sees
 * their tasks), a person asked and a colleague in a new department, that department's coordinator and an outsider in
 * another new department. Everyone holds the sales-rep role (own records only), so what they see of the task comes
 * from being involved, not from their scope.
 */
final class CollaborationCast {

    final Api api;
    final TestUser initiator;
    final TestUser asked;
    final TestUser member;
    final TestUser coordinator;
    final TestUser outsider;
    final UUID department;
    final UUID customerId;
    private final Map<String, String> tokens = new HashMap<>();

    CollaborationCast(Api api) {
        this.api = api;
        DemoOrganization org = DemoOrganization.load(api);
        UUID rep = TestData.roleId(api, "SALES_REP");
        UUID other = createDepartment("外部" + TestData.unique(), null);
        coordinator = TestData.createUser(api, other, List.of(rep));
        outsider = TestData.createUser(api, other, List.of(rep));
        department = createDepartment("协作" + TestData.unique(), coordinator.id());
        asked = TestData.createUser(api, department, List.of(rep));
        member = TestData.createUser(api, department, List.of(rep));
        initiator = TestData.createUser(api, org.user("sales1").departmentId(), List.of(rep));
        Api.Response customer = api.post("/api/v1/customers").bearer(token(initiator))
                .json(Map.of("name", "协作客户" + TestData.unique())).send();
        assertThat(customer.status()).as("%s", customer).isEqualTo(201);
        customerId = UUID.fromString(customer.json().get("id").asString());
    }

    private UUID createDepartment(String name, UUID coordinatorId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        if (coordinatorId != null) {
            body.put("coordinatorId", coordinatorId);
        }
        Api.Response created = api.post("/api/v1/departments").as("admin").json(body).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    String token(TestUser user) {
        return tokens.computeIfAbsent(user.username(), u -> api.createToken(u, user.password()));
    }

    Api.Call as(TestUser user, Api.Call call) {
        return call.bearer(token(user));
    }

    /** A task asked of {@link #asked} in person, started by the initiator. */
    JsonNode startTask(String content) {
        Api.Response created = as(initiator, api.post("/api/v1/collaboration-tasks")).json(draft(content)).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    Map<String, Object> draft(String content) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId);
        body.put("userIds", List.of(asked.id()));
        body.put("content", content);
        body.put("background", "客户需要对比方案");
        body.put("expectedAt", Instant.now().plus(3, ChronoUnit.DAYS).toString());
        body.put("resources", "技术方案");
        body.put("priority", "URGENT");
        return body;
    }

    Api.Response step(TestUser user, String id, String step, Map<String, ?> body) {
        return as(user, api.post("/api/v1/collaboration-tasks/" + id + "/" + step)).json(body).send();
    }

    JsonNode notifications(TestUser user) {
        Api.Response list = as(user, api.get("/api/v1/notifications?size=100")).send();
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        return list.json().get("items");
    }

    long notificationsOf(TestUser user, String type, String id) {
        long count = 0;
        for (JsonNode n : notifications(user)) {
            if (n.get("type").asString().equals(type) && n.get("link").asString().endsWith(id)) {
                count++;
            }
        }
        return count;
    }
}

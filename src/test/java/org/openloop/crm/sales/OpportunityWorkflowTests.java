package org.openloop.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.RecordNotFoundException;
import org.openloop.crm.testkit.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The opportunity state machine (F2) over the API and for other modules. */
@CrmIntegrationTest
class OpportunityWorkflowTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OpportunityManagement opportunities;

    static Stream<Arguments> matrix() {
        Stream.Builder<Arguments> rows = Stream.builder();
        for (OpportunityStatus status : OpportunityStatus.values()) {
            for (OpportunityAction action : OpportunityAction.values()) {
                OpportunityStatus expected = switch (action) {
                    case WIN -> status == OpportunityStatus.OPEN ? OpportunityStatus.WON : null;
                    case LOSE -> status == OpportunityStatus.OPEN ? OpportunityStatus.LOST : null;
                    case CLOSE -> status == OpportunityStatus.WON ? OpportunityStatus.CLOSED : null;
                    case REOPEN -> status == OpportunityStatus.LOST ? OpportunityStatus.OPEN : null;
                };
                rows.add(Arguments.of(status, action, expected));
            }
        }
        return rows.build();
    }

    @ParameterizedTest(name = "F2 API: {1} from {0} → {2}")
    @MethodSource("matrix")
    @DisplayName("F2 every legal transition works and every illegal one is refused with 409 over the API")
    void transitionMatrix(OpportunityStatus from, OpportunityAction action, OpportunityStatus expected) {
        SalesFixture fixture = new SalesFixture(api, jdbc);
        String id = fixture.inStatus(from);
        Map<String, Object> body = new HashMap<>();
        if (action == OpportunityAction.LOSE) {
            body.put("lossReasonId", fixture.lossReason("选择竞品"));
        }
        Api.Response response = fixture.step(SalesFixture.MANAGER, id, action.name().toLowerCase(), body);
        if (expected == null) {
            assertThat(response.status()).as("%s", response).isEqualTo(409);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).contains("is not possible while the opportunity is");
            assertThat(fixture.get(SalesFixture.MANAGER, id).get("status").asString()).isEqualTo(from.name());
        }
        else {
            assertThat(response.status()).as("%s", response).isEqualTo(200);
            assertThat(response.json().get("status").asString()).isEqualTo(expected.name());
        }
    }

    @Test
    @DisplayName("F2 the refusal is localised: Chinese names the state and the step")
    void localisedRefusal() {
        SalesFixture fixture = new SalesFixture(api, jdbc);
        String id = fixture.inStatus(OpportunityStatus.CLOSED);
        Api.Response chinese = api.post("/api/v1/opportunities/" + id + "/win").as("manager").language("zh-CN")
                .json(Map.of()).send();
        assertThat(chinese.status()).isEqualTo(409);
        assertThat(chinese.json().get("detail").asString()).isEqualTo("商机处于“关闭”状态，不能执行“标记成功”。");
    }

    @Test
    @DisplayName("F2 a loss reason is required to mark an opportunity lost (422 on the field), and must exist")
    void lossReasonRequired() {
        SalesFixture fixture = new SalesFixture(api, jdbc);
        String id = fixture.inStatus(OpportunityStatus.OPEN);
        Api.Response missing = fixture.step("manager", id, "lose", Map.of());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("lossReasonId");
        Api.Response unknown = fixture.step("manager", id, "lose", Map.of("lossReasonId", UUID.randomUUID()));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(fixture.get("manager", id).get("status").asString()).isEqualTo("OPEN");
        Api.Response lost = fixture.step("manager", id, "lose", Map.of("lossReasonId", fixture.lossReason("其他"),
                "note", "客户暂停项目"));
        assertThat(lost.json().get("lossReasonName").asString()).isEqualTo("其他");
        assertThat(lost.json().get("probability").asInt()).isZero();
    }

    @Test
    @DisplayName("F2 reopening and closing by hand are manager steps: a rep gets 422, the reopen is audited")
    void managerSteps() {
        SalesFixture fixture = new SalesFixture(api, jdbc);
        String id = fixture.opportunity("sales1").get("id").asString();
        SalesFixture.ok(fixture.step("sales1", id, "lose", Map.of("lossReasonId", fixture.lossReason("预算取消"))));
        Api.Response byRep = fixture.step("sales1", id, "reopen", Map.of());
        assertThat(byRep.status()).isEqualTo(422);
        assertThat(byRep.json().get("detail").asString()).isEqualTo("Only a sales manager can “Reopen” an opportunity.");
        assertThat(fixture.get("sales1", id).get("actions")).isEmpty();
        assertThat(fixture.get("manager", id).get("actions").get(0).asString()).isEqualTo("REOPEN");
        Api.Response reopened = fixture.step("manager", id, "reopen", Map.of());
        assertThat(reopened.status()).as("%s", reopened).isEqualTo(200);
        assertThat(reopened.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(reopened.json().get("probability").asInt()).isEqualTo(10);
        long audited = jdbc.sql("select count(*) from audit_event where entity_type = 'opportunity' and entity_id = :id "
                + "and field = 'transition' and new_value = 'OPEN'").param("id", id).query(Long.class).single();
        assertThat(audited).isEqualTo(1);
        SalesFixture.ok(fixture.step("sales1", id, "win", Map.of()));
        assertThat(fixture.step("sales1", id, "close", Map.of()).status()).isEqualTo(422);
    }

    @Test
    @DisplayName("F2 stale version on a step → 409 and nothing changes")
    void staleVersion() {
        SalesFixture fixture = new SalesFixture(api, jdbc);
        String id = fixture.inStatus(OpportunityStatus.OPEN);
        Api.Response stale = fixture.step("manager", id, "win", Map.of("version", 99));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(fixture.get("manager", id).get("status").asString()).isEqualTo("OPEN");
    }

    static Stream<Arguments> work() {
        Stream.Builder<Arguments> rows = Stream.builder();
        for (OpportunityStatus status : OpportunityStatus.values()) {
            for (OpportunityWork work : OpportunityWork.values()) {
                boolean accepted = switch (status) {
                    case OPEN, WON -> true;
                    case LOST -> work == OpportunityWork.ACTIVITY;
                    case CLOSED -> false;
                };
                rows.add(Arguments.of(status, work, accepted));
            }
        }
        return rows.build();
    }

    @ParameterizedTest(name = "F2 new work: {1} on {0} accepted = {2}")
    @MethodSource("work")
    @DisplayName("F2 requireAcceptsNewWork: closed refuses all, lost refuses quotes, contracts and expenses")
    void acceptsNewWork(OpportunityStatus status, OpportunityWork work, boolean accepted) {
        UUID id = UUID.fromString(new SalesFixture(api, jdbc).inStatus(status));
        if (accepted) {
            assertThatCode(() -> opportunities.requireAcceptsNewWork(id, work)).doesNotThrowAnyException();
        }
        else {
            assertThatThrownBy(() -> opportunities.requireAcceptsNewWork(id, work))
                    .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                        assertThat(e.conflict()).isTrue();
                        assertThat(e.messageKey()).isEqualTo("opportunity.work.refused");
                    });
        }
    }

    @Test
    @DisplayName("F2 requireAcceptsNewWork on an unknown opportunity → 404")
    void unknownWork() {
        assertThatThrownBy(() -> opportunities.requireAcceptsNewWork(UUID.randomUUID(), OpportunityWork.QUOTE))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    @DisplayName("F2 a signed contract wins an open opportunity; fulfilment closes it, idempotently, audited")
    void systemTransitions() {
        SalesFixture fixture = new SalesFixture(api, jdbc);
        UUID id = UUID.fromString(fixture.inStatus(OpportunityStatus.OPEN));
        opportunities.markWonByContract(id);
        opportunities.markWonByContract(id);
        assertThat(fixture.get("manager", id.toString()).get("status").asString()).isEqualTo("WON");
        opportunities.closeFulfilled(id);
        opportunities.closeFulfilled(id);
        assertThat(fixture.get("manager", id.toString()).get("status").asString()).isEqualTo("CLOSED");
        long closings = jdbc.sql("select count(*) from audit_event where entity_type = 'opportunity' "
                + "and entity_id = :id and field = 'transition' and new_value = 'CLOSED'")
                .param("id", id.toString()).query(Long.class).single();
        assertThat(closings).isEqualTo(1);
        assertThatThrownBy(() -> opportunities.markWonByContract(id)).isInstanceOf(BusinessRuleException.class);
        UUID lost = UUID.fromString(fixture.inStatus(OpportunityStatus.LOST));
        assertThatThrownBy(() -> opportunities.markWonByContract(lost))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.conflict()).isTrue());
        UUID open = UUID.fromString(fixture.inStatus(OpportunityStatus.OPEN));
        assertThatThrownBy(() -> opportunities.closeFulfilled(open))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.conflict()).isTrue());
    }
}

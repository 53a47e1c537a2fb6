package org.openloop.crm.collaboration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openloop.crm.collaboration.CollaborationAction;
import org.openloop.crm.collaboration.CollaborationPriority;
import org.openloop.crm.collaboration.CollaborationState;
import org.openloop.crm.collaboration.Satisfaction;
import org.openloop.crm.shared.BusinessRuleException;

/**
 * The collaboration workflow (E3) over every state × action × role: the four legal steps lead where the seed says,
 * every other combination is refused — 422 naming who may act when the role is wrong, 409 naming the state when the
 * state is wrong — and the task is left as it was.
 */
class CollaborationWorkflowTest {

    enum Role {
        INITIATOR(true, false), ASKED(false, true), OTHER(false, false);

        final CollaborationWorkflow.Actor actor;

        Role(boolean initiator, boolean asked) {
            this.actor = new CollaborationWorkflow.Actor(initiator, asked);
        }
    }

    /** The complete table of legal steps. */
    private static final Map<CollaborationAction, Object[]> LEGAL = Map.of(
            CollaborationAction.ACCEPT, new Object[] {CollaborationState.PENDING, Role.ASKED, CollaborationState.IN_PROGRESS},
            CollaborationAction.SUBMIT, new Object[] {CollaborationState.IN_PROGRESS, Role.ASKED, CollaborationState.IN_REVIEW},
            CollaborationAction.APPROVE, new Object[] {CollaborationState.IN_REVIEW, Role.INITIATOR, CollaborationState.DONE},
            CollaborationAction.SEND_BACK, new Object[] {CollaborationState.IN_REVIEW, Role.INITIATOR, CollaborationState.IN_PROGRESS});

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (CollaborationState state : CollaborationState.values()) {
            for (CollaborationAction action : CollaborationAction.values()) {
                for (Role role : Role.values()) {
                    all.add(Arguments.of(state, action, role));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{2} {1} from {0}")
    @MethodSource("everyCombination")
    @DisplayName("every state × action × role is either the legal step or refused with the right status")
    void everyCombination(CollaborationState state, CollaborationAction action, Role role) {
        Object[] legal = LEGAL.get(action);
        boolean roleOk = legal[1] == role;
        boolean stateOk = legal[0] == state;
        if (roleOk && stateOk) {
            assertThat(CollaborationWorkflow.next(state, action, role.actor)).isEqualTo(legal[2]);
            assertThat(CollaborationWorkflow.allows(state, action, role.actor)).isTrue();
            return;
        }
        assertThat(CollaborationWorkflow.allows(state, action, role.actor)).isFalse();
        assertThatThrownBy(() -> CollaborationWorkflow.next(state, action, role.actor))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    if (!roleOk) {
                        assertThat(e.conflict()).as("wrong role answers 422").isFalse();
                        assertThat(e.messageKey()).isEqualTo("collaboration.transition.role."
                                + CollaborationWorkflow.key(action));
                    }
                    else {
                        assertThat(e.conflict()).as("wrong state answers 409").isTrue();
                        assertThat(e.messageKey()).isEqualTo("collaboration.transition.state");
                    }
                });
    }

    @ParameterizedTest(name = "{2} {1} from {0} on the entity")
    @MethodSource("everyCombination")
    @DisplayName("the entity applies exactly the workflow's decision and stays unchanged when refused")
    void entityFollowsTheWorkflow(CollaborationState state, CollaborationAction action, Role role) {
        UUID initiator = UUID.randomUUID();
        UUID asked = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        CollaborationTask task = taskIn(state, initiator, asked);
        UUID actor = switch (role) {
            case INITIATOR -> initiator;
            case ASKED -> asked;
            case OTHER -> other;
        };
        boolean legal = CollaborationWorkflow.allows(state, action, role.actor);
        if (legal) {
            task.apply(action, actor, "reason", Instant.now());
            assertThat(task.getState()).isEqualTo(LEGAL.get(action)[2]);
        }
        else {
            assertThatThrownBy(() -> task.apply(action, actor, "reason", Instant.now()))
                    .isInstanceOf(BusinessRuleException.class);
            assertThat(task.getState()).isEqualTo(state);
        }
    }

    @Test
    @DisplayName("sending back needs a reason; the task stays in review without one")
    void sendBackNeedsReason() {
        UUID initiator = UUID.randomUUID();
        CollaborationTask task = taskIn(CollaborationState.IN_REVIEW, initiator, UUID.randomUUID());
        assertThatThrownBy(() -> task.apply(CollaborationAction.SEND_BACK, initiator, "  ", Instant.now()))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.field()).isEqualTo("reason"));
        assertThat(task.getState()).isEqualTo(CollaborationState.IN_REVIEW);
    }

    @Test
    @DisplayName("satisfaction only by the initiator of a done task; escalation only by the initiator before done")
    void satisfactionAndEscalation() {
        UUID initiator = UUID.randomUUID();
        UUID asked = UUID.randomUUID();
        CollaborationTask review = taskIn(CollaborationState.IN_REVIEW, initiator, asked);
        assertThatThrownBy(() -> review.recordSatisfaction(initiator, Satisfaction.SATISFIED, "ok", Instant.now()))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.conflict()).isTrue());
        CollaborationTask done = taskIn(CollaborationState.DONE, initiator, asked);
        assertThatThrownBy(() -> done.recordSatisfaction(asked, Satisfaction.SATISFIED, "ok", Instant.now()))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.conflict()).isFalse());
        done.recordSatisfaction(initiator, Satisfaction.VERY_SATISFIED, "方案已交付", Instant.now());
        assertThat(done.getSatisfaction()).isEqualTo(Satisfaction.VERY_SATISFIED);
        assertThatThrownBy(() -> done.escalate(initiator, "late", Instant.now()))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.conflict()).isTrue());
        CollaborationTask pending = taskIn(CollaborationState.PENDING, initiator, asked);
        assertThatThrownBy(() -> pending.escalate(asked, "late", Instant.now()))
                .isInstanceOf(BusinessRuleException.class);
        pending.escalate(initiator, "late", Instant.now());
        assertThat(pending.getEscalatedAt()).isNotNull();
    }

    /** A task brought to {@code state} through the legal steps only. */
    static CollaborationTask taskIn(CollaborationState state, UUID initiator, UUID asked) {
        CollaborationTask task = new CollaborationTask("X999", UUID.randomUUID(), "A科技公司", initiator, null,
                Set.of(asked), Set.of(), "对比方案", null, null, CollaborationPriority.URGENT,
                Instant.now().plusSeconds(3600), Instant.now());
        Instant now = Instant.now();
        if (state == CollaborationState.PENDING) {
            return task;
        }
        task.apply(CollaborationAction.ACCEPT, asked, null, now);
        if (state == CollaborationState.IN_PROGRESS) {
            return task;
        }
        task.apply(CollaborationAction.SUBMIT, asked, null, now);
        if (state == CollaborationState.IN_REVIEW) {
            return task;
        }
        task.apply(CollaborationAction.APPROVE, initiator, null, now);
        return task;
    }
}

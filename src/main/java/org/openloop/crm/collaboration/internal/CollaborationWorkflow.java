package org.openloop.crm.collaboration.internal;

import org.openloop.crm.collaboration.CollaborationAction;
import org.openloop.crm.collaboration.CollaborationState;
import org.openloop.crm.shared.BusinessRuleException;

/**
 * The one place that decides the workflow of a collaboration task (E3): which step leads where, and who may take
 * it. Only the people asked accept and submit; only the initiator approves and sends back. A step by the wrong
 * person is refused with 422 naming who may take it; a step from the wrong state with 409 naming the state.
 */
public final class CollaborationWorkflow {

    private CollaborationWorkflow() {
    }

    /** Who is acting, relative to the task. */
    public record Actor(boolean initiator, boolean asked) {
    }

    /** The state after {@code action}, or a refusal. */
    public static CollaborationState next(CollaborationState from, CollaborationAction action, Actor actor) {
        boolean allowed = switch (action) {
            case ACCEPT, SUBMIT -> actor.asked();
            case APPROVE, SEND_BACK -> actor.initiator();
        };
        if (!allowed) {
            throw new BusinessRuleException("collaboration.transition.role." + key(action));
        }
        CollaborationState required = switch (action) {
            case ACCEPT -> CollaborationState.PENDING;
            case SUBMIT -> CollaborationState.IN_PROGRESS;
            case APPROVE, SEND_BACK -> CollaborationState.IN_REVIEW;
        };
        if (from != required) {
            throw BusinessRuleException.conflict(null, "collaboration.transition.state",
                    label("collaboration.action." + key(action)),
                    label("collaboration.state." + from.name()));
        }
        return switch (action) {
            case ACCEPT -> CollaborationState.IN_PROGRESS;
            case SUBMIT -> CollaborationState.IN_REVIEW;
            case APPROVE -> CollaborationState.DONE;
            case SEND_BACK -> CollaborationState.IN_PROGRESS;
        };
    }

    /** Whether {@link #next} would accept the step, for showing buttons. */
    public static boolean allows(CollaborationState from, CollaborationAction action, Actor actor) {
        try {
            next(from, action, actor);
            return true;
        }
        catch (BusinessRuleException e) {
            return false;
        }
    }

    /** Escalating by hand: the initiator, while the task is not done. */
    public static void checkEscalation(CollaborationState state, Actor actor) {
        if (!actor.initiator()) {
            throw new BusinessRuleException("collaboration.escalate.role");
        }
        if (state == CollaborationState.DONE) {
            throw BusinessRuleException.conflict(null, "collaboration.escalate.done");
        }
    }

    /** Recording satisfaction (E6): the initiator, once the task is done. */
    public static void checkSatisfaction(CollaborationState state, Actor actor) {
        if (!actor.initiator()) {
            throw new BusinessRuleException("collaboration.satisfaction.role");
        }
        if (state != CollaborationState.DONE) {
            throw BusinessRuleException.conflict(null, "collaboration.satisfaction.notDone");
        }
    }

    /** A message argument shown in the reader's language. */
    static org.springframework.context.MessageSourceResolvable label(String key) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] {key}, key);
    }

    /** The action's name in messages, links and the API ({@code sendBack}). */
    public static String key(CollaborationAction action) {
        return switch (action) {
            case ACCEPT -> "accept";
            case SUBMIT -> "submit";
            case APPROVE -> "approve";
            case SEND_BACK -> "sendBack";
        };
    }
}

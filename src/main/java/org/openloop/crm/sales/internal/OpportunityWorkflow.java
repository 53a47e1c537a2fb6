package org.openloop.crm.sales.internal;

import java.util.Arrays;
import java.util.List;

import org.openloop.crm.sales.OpportunityAction;
import org.openloop.crm.sales.OpportunityStatus;
import org.openloop.crm.sales.OpportunityWork;
import org.openloop.crm.shared.BusinessRuleException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The one place that decides the opportunity state machine (F2): 执行 OPEN → 成功 WON or 失败 LOST (with a loss
 * reason); WON → 关闭 CLOSED (contract fulfilled, or a manager); LOST → OPEN (a manager reopens). Lost and closed
 * opportunities are read-only; stage moves happen only while open. A step from the wrong state is refused with 409
 * naming the step and the state; a manager's step taken by someone else with 422.
 */
public final class OpportunityWorkflow {

    private OpportunityWorkflow() {
    }

    /** The state after {@code action} taken by a user ({@code manager}: holds {@code opportunity:assign}). */
    public static OpportunityStatus next(OpportunityStatus from, OpportunityAction action, boolean manager) {
        if ((action == OpportunityAction.CLOSE || action == OpportunityAction.REOPEN) && !manager) {
            throw new BusinessRuleException("opportunity.transition.manager", label(actionKey(action)));
        }
        return nextBySystem(from, action);
    }

    /** The state after {@code action} when the system takes it (signed or fulfilled contract). */
    public static OpportunityStatus nextBySystem(OpportunityStatus from, OpportunityAction action) {
        OpportunityStatus required = switch (action) {
            case WIN, LOSE -> OpportunityStatus.OPEN;
            case CLOSE -> OpportunityStatus.WON;
            case REOPEN -> OpportunityStatus.LOST;
        };
        if (from != required) {
            throw BusinessRuleException.conflict(null, "opportunity.transition.state", label(actionKey(action)),
                    label(statusKey(from)));
        }
        return switch (action) {
            case WIN -> OpportunityStatus.WON;
            case LOSE -> OpportunityStatus.LOST;
            case CLOSE -> OpportunityStatus.CLOSED;
            case REOPEN -> OpportunityStatus.OPEN;
        };
    }

    /** Whether {@code next} would accept the step, for showing buttons. */
    public static boolean allows(OpportunityStatus from, OpportunityAction action, boolean manager) {
        try {
            next(from, action, manager);
            return true;
        }
        catch (BusinessRuleException e) {
            return false;
        }
    }

    /** The steps a user may take now. */
    public static List<OpportunityAction> allowed(OpportunityStatus from, boolean manager) {
        return Arrays.stream(OpportunityAction.values()).filter(a -> allows(from, a, manager)).toList();
    }

    /** Editing fields: refused for lost and closed opportunities (409). */
    public static void checkEditable(OpportunityStatus status) {
        if (status == OpportunityStatus.LOST || status == OpportunityStatus.CLOSED) {
            throw BusinessRuleException.conflict(null, "opportunity.readOnly", label(statusKey(status)));
        }
    }

    /** Moving to another stage: only while open (409 otherwise). */
    public static void checkStageMove(OpportunityStatus status) {
        if (status != OpportunityStatus.OPEN) {
            throw BusinessRuleException.conflict("stageId", "opportunity.stage.notOpen", label(statusKey(status)));
        }
    }

    /** Whether the opportunity may take new work of this kind: CLOSED none, LOST only activities. */
    public static boolean acceptsWork(OpportunityStatus status, OpportunityWork work) {
        return switch (status) {
            case OPEN, WON -> true;
            case LOST -> work == OpportunityWork.ACTIVITY;
            case CLOSED -> false;
        };
    }

    public static void checkAcceptsWork(OpportunityStatus status, OpportunityWork work) {
        if (!acceptsWork(status, work)) {
            throw BusinessRuleException.conflict(null, "opportunity.work.refused",
                    label("opportunity.work." + work.name()), label(statusKey(status)));
        }
    }

    public static String actionKey(OpportunityAction action) {
        return "opportunity.action." + action.name();
    }

    public static String statusKey(OpportunityStatus status) {
        return "opportunity.status." + status.name();
    }

    /** A message argument shown in the reader's language. */
    static MessageSourceResolvable label(String key) {
        return new DefaultMessageSourceResolvable(new String[] {key}, key);
    }
}

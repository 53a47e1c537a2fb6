package org.openloop.crm.quoting.internal;

import java.util.EnumSet;
import java.util.Set;

import org.openloop.crm.quoting.QuoteAction;
import org.openloop.crm.quoting.QuoteStatus;
import org.openloop.crm.shared.BusinessRuleException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The one place that decides a quote's workflow (F5): which step leads where and who may take it.
 * <ul>
 * <li>SEND: DRAFT → SENT, or → PENDING_APPROVAL when a line's discount is above the approval threshold;</li>
 * <li>APPROVE: PENDING_APPROVAL → SENT; REJECT_APPROVAL: PENDING_APPROVAL → DRAFT (approvers only);</li>
 * <li>ACCEPT / REJECT: SENT → ACCEPTED / REJECTED (the customer's answer, recorded by the sales side);</li>
 * <li>EXPIRE: SENT → EXPIRED (the expiry job);</li>
 * <li>REVISE: SENT, REJECTED or EXPIRED → SUPERSEDED, while a DRAFT copy becomes version n+1.</li>
 * </ul>
 * Only a DRAFT is edited. A step by the wrong person answers 422 naming who may take it; a step from the wrong
 * state 409 naming the step and the state.
 */
public final class QuoteWorkflow {

    private QuoteWorkflow() {
    }

    /** Who is acting: an editor holds quote:edit, an approver quote:assign (both within their data scope). */
    public record Actor(boolean editor, boolean approver, boolean system) {

        public static final Actor SYSTEM = new Actor(false, false, true);
    }

    /** The state after {@code action}, or a refusal. */
    public static QuoteStatus next(QuoteStatus from, QuoteAction action, Actor actor, boolean approvalRequired) {
        boolean allowed = switch (action) {
            case SEND, ACCEPT, REJECT, REVISE -> actor.editor();
            case APPROVE, REJECT_APPROVAL -> actor.approver();
            case EXPIRE -> actor.system();
        };
        if (!allowed) {
            throw new BusinessRuleException("quote.transition.role." + key(action));
        }
        Set<QuoteStatus> required = switch (action) {
            case SEND -> EnumSet.of(QuoteStatus.DRAFT);
            case APPROVE, REJECT_APPROVAL -> EnumSet.of(QuoteStatus.PENDING_APPROVAL);
            case ACCEPT, REJECT, EXPIRE -> EnumSet.of(QuoteStatus.SENT);
            case REVISE -> EnumSet.of(QuoteStatus.SENT, QuoteStatus.REJECTED, QuoteStatus.EXPIRED);
        };
        if (!required.contains(from)) {
            throw BusinessRuleException.conflict(null, "quote.transition.state", label("quote.action." + key(action)),
                    label("quote.status." + from.name()));
        }
        return switch (action) {
            case SEND -> approvalRequired ? QuoteStatus.PENDING_APPROVAL : QuoteStatus.SENT;
            case APPROVE -> QuoteStatus.SENT;
            case REJECT_APPROVAL -> QuoteStatus.DRAFT;
            case ACCEPT -> QuoteStatus.ACCEPTED;
            case REJECT -> QuoteStatus.REJECTED;
            case EXPIRE -> QuoteStatus.EXPIRED;
            case REVISE -> QuoteStatus.SUPERSEDED;
        };
    }

    /** Whether {@link #next} would accept the step, for showing buttons. */
    public static boolean allows(QuoteStatus from, QuoteAction action, Actor actor, boolean approvalRequired) {
        try {
            next(from, action, actor, approvalRequired);
            return true;
        }
        catch (BusinessRuleException e) {
            return false;
        }
    }

    /** The steps {@code actor} may take from {@code from}. */
    public static Set<QuoteAction> allowed(QuoteStatus from, Actor actor, boolean approvalRequired) {
        Set<QuoteAction> result = EnumSet.noneOf(QuoteAction.class);
        for (QuoteAction action : QuoteAction.values()) {
            if (action != QuoteAction.EXPIRE && allows(from, action, actor, approvalRequired)) {
                result.add(action);
            }
        }
        return result;
    }

    /** Editing lines and header: a DRAFT only, by an editor. */
    public static void checkEditable(QuoteStatus status, Actor actor) {
        if (!actor.editor()) {
            throw new BusinessRuleException("quote.transition.role.edit");
        }
        if (status != QuoteStatus.DRAFT) {
            throw BusinessRuleException.conflict(null, "quote.edit.notDraft", label("quote.status." + status.name()));
        }
    }

    /** Whether mail may go out in this state: a DRAFT that needs no approval (it becomes SENT) or a SENT quote. */
    public static void checkMailable(QuoteStatus status, boolean approvalRequired) {
        if (status == QuoteStatus.SENT || (status == QuoteStatus.DRAFT && !approvalRequired)) {
            return;
        }
        if (status == QuoteStatus.DRAFT || status == QuoteStatus.PENDING_APPROVAL) {
            throw BusinessRuleException.conflict(null, "quote.email.needsApproval");
        }
        throw BusinessRuleException.conflict(null, "quote.email.state", label("quote.status." + status.name()));
    }

    /** The step's name in messages, links and the API ({@code reject-approval}). */
    public static String key(QuoteAction action) {
        return switch (action) {
            case SEND -> "send";
            case APPROVE -> "approve";
            case REJECT_APPROVAL -> "rejectApproval";
            case ACCEPT -> "accept";
            case REJECT -> "reject";
            case EXPIRE -> "expire";
            case REVISE -> "revise";
        };
    }

    static MessageSourceResolvable label(String key) {
        return new DefaultMessageSourceResolvable(new String[] {key}, key);
    }
}

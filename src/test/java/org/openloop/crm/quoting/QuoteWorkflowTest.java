package org.openloop.crm.quoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.quoting.internal.QuoteWorkflow;
import org.openloop.crm.quoting.internal.QuoteWorkflow.Actor;
import org.openloop.crm.shared.BusinessRuleException;

/** F5: the quote workflow matrix — every step from every state, by the right and the wrong person. */
class QuoteWorkflowTest {

    private static final Actor REP = new Actor(true, false, false);
    private static final Actor MANAGER = new Actor(true, true, false);
    private static final Actor VIEWER = new Actor(false, false, false);

    @Test
    @DisplayName("F5: legal steps lead where the workflow says; every other state refuses with 409")
    void matrix() {
        for (QuoteStatus from : QuoteStatus.values()) {
            for (QuoteAction action : QuoteAction.values()) {
                Actor actor = action == QuoteAction.EXPIRE ? Actor.SYSTEM : MANAGER;
                QuoteStatus expected = expected(from, action, false);
                if (expected == null) {
                    assertThatThrownBy(() -> QuoteWorkflow.next(from, action, actor, false))
                            .as("%s from %s", action, from).isInstanceOfSatisfying(BusinessRuleException.class,
                                    e -> assertThat(e.conflict()).isTrue());
                }
                else {
                    assertThat(QuoteWorkflow.next(from, action, actor, false)).as("%s from %s", action, from)
                            .isEqualTo(expected);
                }
            }
        }
    }

    private static QuoteStatus expected(QuoteStatus from, QuoteAction action, boolean approval) {
        return switch (action) {
            case SEND -> from == QuoteStatus.DRAFT ? (approval ? QuoteStatus.PENDING_APPROVAL : QuoteStatus.SENT)
                    : null;
            case APPROVE -> from == QuoteStatus.PENDING_APPROVAL ? QuoteStatus.SENT : null;
            case REJECT_APPROVAL -> from == QuoteStatus.PENDING_APPROVAL ? QuoteStatus.DRAFT : null;
            case ACCEPT -> from == QuoteStatus.SENT ? QuoteStatus.ACCEPTED : null;
            case REJECT -> from == QuoteStatus.SENT ? QuoteStatus.REJECTED : null;
            case EXPIRE -> from == QuoteStatus.SENT ? QuoteStatus.EXPIRED : null;
            case REVISE -> EnumSet.of(QuoteStatus.SENT, QuoteStatus.REJECTED, QuoteStatus.EXPIRED).contains(from)
                    ? QuoteStatus.SUPERSEDED : null;
        };
    }

    @Test
    @DisplayName("F5: a discount above the threshold sends a draft to approval instead of to the customer")
    void approvalRequired() {
        assertThat(QuoteWorkflow.next(QuoteStatus.DRAFT, QuoteAction.SEND, REP, true))
                .isEqualTo(QuoteStatus.PENDING_APPROVAL);
        assertThat(QuoteWorkflow.allowed(QuoteStatus.PENDING_APPROVAL, REP, true)).isEmpty();
        assertThat(QuoteWorkflow.allowed(QuoteStatus.PENDING_APPROVAL, MANAGER, true))
                .containsExactlyInAnyOrder(QuoteAction.APPROVE, QuoteAction.REJECT_APPROVAL);
    }

    @Test
    @DisplayName("F5: the wrong person is refused with 422: reps cannot approve, viewers cannot send, users cannot expire")
    void wrongPerson() {
        assertThatThrownBy(() -> QuoteWorkflow.next(QuoteStatus.PENDING_APPROVAL, QuoteAction.APPROVE, REP, true))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.conflict()).isFalse();
                    assertThat(e.messageKey()).isEqualTo("quote.transition.role.approve");
                });
        assertThatThrownBy(() -> QuoteWorkflow.next(QuoteStatus.DRAFT, QuoteAction.SEND, VIEWER, false))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.conflict()).isFalse());
        assertThatThrownBy(() -> QuoteWorkflow.next(QuoteStatus.SENT, QuoteAction.EXPIRE, MANAGER, false))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.conflict()).isFalse());
    }

    @Test
    @DisplayName("F5: only a draft is edited; accepted and superseded quotes are read-only")
    void editing() {
        QuoteWorkflow.checkEditable(QuoteStatus.DRAFT, REP);
        for (QuoteStatus status : EnumSet.complementOf(EnumSet.of(QuoteStatus.DRAFT))) {
            assertThatThrownBy(() -> QuoteWorkflow.checkEditable(status, REP)).as("%s", status)
                    .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.conflict()).isTrue());
        }
        Set<QuoteAction> none = QuoteWorkflow.allowed(QuoteStatus.ACCEPTED, MANAGER, false);
        assertThat(none).isEmpty();
        assertThat(QuoteWorkflow.allowed(QuoteStatus.SUPERSEDED, MANAGER, false)).isEmpty();
    }

    @Test
    @DisplayName("F5: mail goes out for a draft that needs no approval or a sent quote; never before approval")
    void mailable() {
        QuoteWorkflow.checkMailable(QuoteStatus.DRAFT, false);
        QuoteWorkflow.checkMailable(QuoteStatus.SENT, true);
        assertThatThrownBy(() -> QuoteWorkflow.checkMailable(QuoteStatus.DRAFT, true))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("quote.email.needsApproval"));
        assertThatThrownBy(() -> QuoteWorkflow.checkMailable(QuoteStatus.PENDING_APPROVAL, true))
                .isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> QuoteWorkflow.checkMailable(QuoteStatus.ACCEPTED, false))
                .isInstanceOf(BusinessRuleException.class);
    }
}

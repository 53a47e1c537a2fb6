package org.openloop.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.marketing.internal.CampaignWorkflow;
import org.openloop.crm.shared.BusinessRuleException;

/** The campaign status workflow (J1) as a pure rule. */
class CampaignWorkflowTests {

    @Test
    @DisplayName("J1 planned → active → completed; planned or active may be cancelled")
    void allowedSteps() {
        assertThat(CampaignWorkflow.next(CampaignStatus.PLANNED, CampaignAction.START)).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(CampaignWorkflow.next(CampaignStatus.ACTIVE, CampaignAction.COMPLETE))
                .isEqualTo(CampaignStatus.COMPLETED);
        assertThat(CampaignWorkflow.next(CampaignStatus.PLANNED, CampaignAction.CANCEL))
                .isEqualTo(CampaignStatus.CANCELLED);
        assertThat(CampaignWorkflow.next(CampaignStatus.ACTIVE, CampaignAction.CANCEL))
                .isEqualTo(CampaignStatus.CANCELLED);
        assertThat(CampaignWorkflow.steps(CampaignStatus.PLANNED)).containsExactly("start", "cancel");
        assertThat(CampaignWorkflow.steps(CampaignStatus.COMPLETED)).isEmpty();
    }

    @Test
    @DisplayName("J1 a step from the wrong status is a conflict (409)")
    void wrongStatus() {
        assertThatThrownBy(() -> CampaignWorkflow.next(CampaignStatus.PLANNED, CampaignAction.COMPLETE))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.conflict()).isTrue());
        assertThatThrownBy(() -> CampaignWorkflow.next(CampaignStatus.COMPLETED, CampaignAction.CANCEL))
                .isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> CampaignWorkflow.next(CampaignStatus.CANCELLED, CampaignAction.START))
                .isInstanceOf(BusinessRuleException.class);
    }
}

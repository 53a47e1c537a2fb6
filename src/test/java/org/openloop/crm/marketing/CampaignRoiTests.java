package org.openloop.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ROI arithmetic (J1): won amount ÷ cost, the cost being the actual cost, else the budget; "—" at zero cost. */
class CampaignRoiTests {

    @Test
    @DisplayName("J1 ROI is won amount ÷ actual cost, two decimals, half up")
    void wonOverActualCost() {
        BigDecimal cost = CampaignManagement.costOf(new BigDecimal("42000"), new BigDecimal("50000"));
        assertThat(cost).isEqualByComparingTo("42000.00");
        assertThat(CampaignManagement.roi(new BigDecimal("580000"), cost)).isEqualByComparingTo("13.81");
        assertThat(CampaignManagement.roi(new BigDecimal("1"), new BigDecimal("3"))).isEqualByComparingTo("0.33");
        assertThat(CampaignManagement.roi(new BigDecimal("2"), new BigDecimal("3"))).isEqualByComparingTo("0.67");
    }

    @Test
    @DisplayName("J1 without an actual cost the budget counts; with neither the ROI is empty (shown as —)")
    void budgetOrNothing() {
        assertThat(CampaignManagement.costOf(null, new BigDecimal("50000"))).isEqualByComparingTo("50000");
        assertThat(CampaignManagement.costOf(BigDecimal.ZERO, new BigDecimal("100"))).isEqualByComparingTo("100");
        BigDecimal none = CampaignManagement.costOf(null, null);
        assertThat(none).isEqualByComparingTo("0");
        assertThat(CampaignManagement.roi(new BigDecimal("1000"), none)).isNull();
        assertThat(CampaignManagement.roi(null, new BigDecimal("10"))).isEqualByComparingTo("0");
    }
}

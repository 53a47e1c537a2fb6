package org.openloop.crm.marketing;

import java.math.BigDecimal;

/**
 * A campaign's figures (J1): members and responses, leads captured, opportunities linked and won (company-wide
 * counts from sales), the won amount, the cost the ROI is measured against (actual cost, else budget) and
 * {@code roi} = won amount ÷ cost, scale 2, or {@code null} when the cost is zero.
 */
public record CampaignFigures(long members, long responses, long leads, long opportunities, long won,
        BigDecimal wonAmount, BigDecimal cost, BigDecimal roi, String currency) {
}

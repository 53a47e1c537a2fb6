package org.openloop.crm.sales;

import java.math.BigDecimal;

/** Company-wide figures of one campaign: opportunities sourced, won (WON or CLOSED) and the won amount. */
public record CampaignOutcome(long opportunities, long won, BigDecimal wonAmount) {
}

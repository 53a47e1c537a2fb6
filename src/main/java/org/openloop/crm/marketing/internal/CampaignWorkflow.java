package org.openloop.crm.marketing.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.openloop.crm.marketing.CampaignAction;
import org.openloop.crm.marketing.CampaignStatus;
import org.openloop.crm.shared.BusinessRuleException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The one place that decides a campaign's status (J1): 计划中 → 进行中 (start) → 已结束 (complete); a planned or
 * running campaign may be cancelled. A step from the wrong status is refused with 409 naming step and status.
 */
public final class CampaignWorkflow {

    private CampaignWorkflow() {
    }

    public static CampaignStatus next(CampaignStatus from, CampaignAction action) {
        boolean allowed = switch (action) {
            case START -> from == CampaignStatus.PLANNED;
            case COMPLETE -> from == CampaignStatus.ACTIVE;
            case CANCEL -> from == CampaignStatus.PLANNED || from == CampaignStatus.ACTIVE;
        };
        if (!allowed) {
            throw BusinessRuleException.conflict(null, "marketing.transition.state",
                    label("marketing.action." + key(action)), label("marketing.status." + from.name()));
        }
        return switch (action) {
            case START -> CampaignStatus.ACTIVE;
            case COMPLETE -> CampaignStatus.COMPLETED;
            case CANCEL -> CampaignStatus.CANCELLED;
        };
    }

    /** The steps allowed from {@code from}, by their keys, for buttons and the API. */
    public static List<String> steps(CampaignStatus from) {
        return Arrays.stream(CampaignAction.values()).filter(a -> allows(from, a)).map(CampaignWorkflow::key).toList();
    }

    public static boolean allows(CampaignStatus from, CampaignAction action) {
        try {
            next(from, action);
            return true;
        }
        catch (BusinessRuleException e) {
            return false;
        }
    }

    public static String key(CampaignAction action) {
        return action.name().toLowerCase(Locale.ROOT);
    }

    static MessageSourceResolvable label(String key) {
        return new DefaultMessageSourceResolvable(new String[] {key}, key);
    }
}

package org.openloop.crm.marketing.internal;

import java.time.Clock;

import org.openloop.crm.shared.RecordsMerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Members and leads follow merged customers (B6): links to the merged customer move to the survivor, unless the
 * survivor is already a member or lead of that campaign, in which case the duplicate link is dropped.
 */
@Component
class CampaignCustomerMerges {

    private final CampaignMembers members;
    private final CampaignLeads leads;
    private final Clock clock;

    CampaignCustomerMerges(CampaignMembers members, CampaignLeads leads, Clock clock) {
        this.members = members;
        this.leads = leads;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(RecordsMerged merged) {
        if (!"customer".equals(merged.recordType())) {
            return;
        }
        for (CampaignMember member : members.findByCustomerId(merged.mergedId())) {
            if (members.existsByCampaignIdAndCustomerId(member.getCampaignId(), merged.survivorId())) {
                members.delete(member);
            }
            else {
                member.movedTo(merged.survivorId(), clock.instant());
            }
        }
        for (CampaignLead lead : leads.findByCustomerId(merged.mergedId())) {
            if (leads.existsByCampaignIdAndCustomerId(lead.getCampaignId(), merged.survivorId())) {
                leads.delete(lead);
            }
            else {
                lead.movedTo(merged.survivorId());
            }
        }
    }
}

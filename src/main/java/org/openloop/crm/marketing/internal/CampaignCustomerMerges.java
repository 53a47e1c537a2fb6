package org.openloop.crm.marketing.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;

import org.openloop.crm.platform.MergedLinks;
import org.openloop.crm.shared.RecordsMerged;
import org.openloop.crm.shared.RecordsUnmerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Members and leads follow merged customers (B6): links to the merged customer move to the survivor, unless the
 * survivor is already a member or lead of that campaign, in which case the duplicate link is dropped. An undone merge
 * moves back the links that moved; a dropped duplicate stays dropped (the survivor's own link still counts it).
 */
@Component
class CampaignCustomerMerges {

    private final MergedLinks links;
    private final MergedLinks.Link memberLink;
    private final MergedLinks.Link leadLink;

    CampaignCustomerMerges(MergedLinks links, CampaignMembers members, CampaignLeads leads, Clock clock) {
        this.links = links;
        this.memberLink = MergedLinks.Link.of("campaignMember", "customer",
                id -> members.findByCustomerId(id).stream().map(CampaignMember::getId).toList(),
                (Collection<UUID> ids, UUID from, UUID to) -> {
                    int moved = 0;
                    for (CampaignMember member : members.findAllById(ids)) {
                        if (!from.equals(member.getCustomerId())) {
                            continue;
                        }
                        if (members.existsByCampaignIdAndCustomerId(member.getCampaignId(), to)) {
                            members.delete(member);
                        }
                        else {
                            member.movedTo(to, clock.instant());
                            moved++;
                        }
                    }
                    return moved;
                });
        this.leadLink = MergedLinks.Link.of("campaignLead", "customer",
                id -> leads.findByCustomerId(id).stream().map(CampaignLead::getId).toList(),
                (Collection<UUID> ids, UUID from, UUID to) -> {
                    int moved = 0;
                    for (CampaignLead lead : leads.findAllById(ids)) {
                        if (!from.equals(lead.getCustomerId())) {
                            continue;
                        }
                        if (leads.existsByCampaignIdAndCustomerId(lead.getCampaignId(), to)) {
                            leads.delete(lead);
                        }
                        else {
                            lead.movedTo(to);
                            moved++;
                        }
                    }
                    return moved;
                });
    }

    @ApplicationModuleListener
    void on(RecordsMerged merged) {
        links.follow(merged, memberLink);
        links.follow(merged, leadLink);
    }

    @ApplicationModuleListener
    void on(RecordsUnmerged unmerged) {
        links.followBack(unmerged, memberLink);
        links.followBack(unmerged, leadLink);
    }
}

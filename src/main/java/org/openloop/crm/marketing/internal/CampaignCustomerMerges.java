package org.openloop.crm.marketing.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;

import org.openloop.crm.platform.MergedLinks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Members and leads follow merged customers (B6): links to the merged customer move to the survivor, unless the
 * survivor is already a member or lead of that campaign, in which case the duplicate link is dropped. An undone merge
 * moves back the links that moved; a dropped duplicate stays dropped (the survivor's own link still counts it).
 */
@Configuration(proxyBeanMethods = false)
class CampaignCustomerMerges {

    @Bean
    MergedLinks.Link campaignMemberMergeLink(CampaignMembers members, Clock clock) {
        return link("campaignMember", id -> members.findByCustomerId(id).stream().map(CampaignMember::getId).toList(),
                members::findAllById, CampaignMember::getCustomerId,
                (member, to) -> members.existsByCampaignIdAndCustomerId(member.getCampaignId(), to),
                members::delete, (member, to) -> member.movedTo(to, clock.instant()));
    }

    @Bean
    MergedLinks.Link campaignLeadMergeLink(CampaignLeads leads) {
        return link("campaignLead", id -> leads.findByCustomerId(id).stream().map(CampaignLead::getId).toList(),
                leads::findAllById, CampaignLead::getCustomerId,
                (lead, to) -> leads.existsByCampaignIdAndCustomerId(lead.getCampaignId(), to), leads::delete,
                CampaignLead::movedTo);
    }

    private static <R> MergedLinks.Link link(String name, Function<UUID, java.util.List<UUID>> idsOfCustomer,
            Function<Collection<UUID>, ? extends Iterable<R>> load, Function<R, UUID> customerOf,
            BiPredicate<R, UUID> alreadyThere, Consumer<R> delete, BiConsumer<R, UUID> move) {
        return MergedLinks.Link.of(name, "customer", idsOfCustomer, (ids, from, to) -> {
            int moved = 0;
            for (R link : load.apply(ids)) {
                if (!from.equals(customerOf.apply(link))) {
                    continue;
                }
                if (alreadyThere.test(link, to)) {
                    delete.accept(link);
                }
                else {
                    move.accept(link, to);
                    moved++;
                }
            }
            return moved;
        });
    }
}

package org.openloop.crm.contract.internal;

import org.openloop.crm.platform.MergedLinks;
import org.openloop.crm.shared.RecordsMerged;
import org.openloop.crm.shared.RecordsUnmerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When two customers become one (B6), the merged customer's contracts move to the survivor (customer id only; their
 * owners stay), and back when the merge is undone; their search entries name the customer they now belong to.
 */
@Component
class ContractMerges {

    private final MergedLinks links;
    private final MergedLinks.Link contractLink;

    ContractMerges(MergedLinks links, Contracts contracts, ContractSearch search) {
        this.links = links;
        this.contractLink = MergedLinks.Link.ofRecords("contract", "customer", contracts::idsOfCustomer,
                contracts::findAllById, Contract::getCustomerId, (contract, to) -> {
                    contract.moveToCustomer(to);
                    search.index(contract);
                });
    }

    @ApplicationModuleListener
    void on(RecordsMerged merged) {
        links.follow(merged, contractLink);
    }

    @ApplicationModuleListener
    void on(RecordsUnmerged unmerged) {
        links.followBack(unmerged, contractLink);
    }
}

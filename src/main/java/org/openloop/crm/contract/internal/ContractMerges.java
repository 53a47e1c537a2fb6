package org.openloop.crm.contract.internal;

import org.openloop.crm.platform.MergedLinks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When two customers become one (B6), the merged customer's contracts move to the survivor (customer id only; their
 * owners stay), and back when the merge is undone; their search entries name the customer they now belong to.
 */
@Configuration(proxyBeanMethods = false)
class ContractMerges {

    @Bean
    MergedLinks.Link contractMergeLink(Contracts contracts, ContractSearch search) {
        return MergedLinks.Link.ofRecords("contract", "customer", contracts::idsOfCustomer, contracts::findAllById,
                Contract::getCustomerId, (contract, to) -> {
                    contract.moveToCustomer(to);
                    search.index(contract);
                });
    }
}

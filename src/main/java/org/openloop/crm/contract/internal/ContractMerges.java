package org.openloop.crm.contract.internal;

import org.openloop.crm.shared.RecordsMerged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When two customers become one (B6), the merged customer's contracts move to the survivor (customer id only; their
 * owners stay). Like other modules, an undone merge leaves them with the survivor.
 */
@Component
class ContractMerges {

    private static final Logger LOG = LoggerFactory.getLogger(ContractMerges.class);

    private final Contracts contracts;

    ContractMerges(Contracts contracts) {
        this.contracts = contracts;
    }

    @ApplicationModuleListener
    void on(RecordsMerged merged) {
        if (!"customer".equals(merged.recordType())) {
            return;
        }
        int moved = contracts.moveToCustomer(merged.mergedId(), merged.survivorId());
        if (moved > 0) {
            LOG.info("Moved {} contracts of customer {} to {}", moved, merged.mergedId(), merged.survivorId());
        }
    }
}

package org.openloop.crm.messaging.internal;

import org.openloop.crm.shared.RecordsMerged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When two customers become one (B6), the merged customer's mail and calls move to the survivor's timeline. Like
 * other modules, an undone merge leaves them with the survivor.
 */
@Component
class MessagingMerges {

    private static final Logger LOG = LoggerFactory.getLogger(MessagingMerges.class);

    private final EmailMessages mails;
    private final CallRecords calls;

    MessagingMerges(EmailMessages mails, CallRecords calls) {
        this.mails = mails;
        this.calls = calls;
    }

    @ApplicationModuleListener
    void on(RecordsMerged merged) {
        if (!"customer".equals(merged.recordType())) {
            return;
        }
        int moved = mails.moveToCustomer(merged.mergedId(), merged.survivorId())
                + calls.moveToCustomer(merged.mergedId(), merged.survivorId());
        if (moved > 0) {
            LOG.info("Moved {} mails and calls of customer {} to {}", moved, merged.mergedId(), merged.survivorId());
        }
    }
}

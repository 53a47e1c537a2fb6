package org.openloop.crm.quoting;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** Message arguments naming a quote status in the reader's language. */
final class QuoteWorkflowLabels {

    private QuoteWorkflowLabels() {
    }

    static MessageSourceResolvable status(QuoteStatus status) {
        String key = "quote.status." + status.name();
        return new DefaultMessageSourceResolvable(new String[] {key}, key);
    }
}

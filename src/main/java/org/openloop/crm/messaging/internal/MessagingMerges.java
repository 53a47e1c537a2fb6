package org.openloop.crm.messaging.internal;

import org.openloop.crm.platform.MergedLinks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When two customers become one (B6), the merged customer's mail and calls move to the survivor's timeline, and back
 * when the merge is undone.
 */
@Configuration(proxyBeanMethods = false)
class MessagingMerges {

    @Bean
    MergedLinks.Link emailMergeLink(EmailMessages mails) {
        return MergedLinks.Link.of("email", "customer", mails::idsOfCustomer, mails::repointCustomer);
    }

    @Bean
    MergedLinks.Link callMergeLink(CallRecords calls) {
        return MergedLinks.Link.of("call", "customer", calls::idsOfCustomer, calls::repointCustomer);
    }
}

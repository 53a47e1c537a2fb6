package org.openloop.crm.expense.internal;

import org.openloop.crm.platform.MergedLinks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Expenses follow merged customers (B6), so the list's customer filter finds them under the survivor, and go back
 * when the merge is undone.
 */
@Configuration(proxyBeanMethods = false)
class ExpenseMerges {

    @Bean
    MergedLinks.Link expenseMergeLink(Expenses expenses) {
        return MergedLinks.Link.of("expense", "customer", expenses::idsOfCustomer, expenses::repointCustomer);
    }
}

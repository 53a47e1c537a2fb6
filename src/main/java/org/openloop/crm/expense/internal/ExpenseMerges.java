package org.openloop.crm.expense.internal;

import org.openloop.crm.platform.MergedLinks;
import org.openloop.crm.shared.RecordsMerged;
import org.openloop.crm.shared.RecordsUnmerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Expenses follow merged customers (B6), so the list's customer filter finds them under the survivor, and go back
 * when the merge is undone.
 */
@Component
class ExpenseMerges {

    private final MergedLinks links;
    private final MergedLinks.Link expenseLink;

    ExpenseMerges(MergedLinks links, Expenses expenses) {
        this.links = links;
        this.expenseLink = MergedLinks.Link.of("expense", "customer", expenses::idsOfCustomer,
                expenses::repointCustomer);
    }

    @ApplicationModuleListener
    void on(RecordsMerged merged) {
        links.follow(merged, expenseLink);
    }

    @ApplicationModuleListener
    void on(RecordsUnmerged unmerged) {
        links.followBack(unmerged, expenseLink);
    }
}

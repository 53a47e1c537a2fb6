package org.openloop.crm.expense.internal;

import org.openloop.crm.shared.RecordsMerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Expenses follow merged customers (B6), so the list's customer filter finds them under the survivor. */
@Component
class ExpenseMerges {

    private final Expenses expenses;

    ExpenseMerges(Expenses expenses) {
        this.expenses = expenses;
    }

    @ApplicationModuleListener
    void on(RecordsMerged merged) {
        if ("customer".equals(merged.recordType())) {
            expenses.moveCustomer(merged.mergedId(), merged.survivorId());
        }
    }
}

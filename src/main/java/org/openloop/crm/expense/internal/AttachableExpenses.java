package org.openloop.crm.expense.internal;

import java.util.UUID;

import org.openloop.crm.attachment.AttachableRecordType;
import org.openloop.crm.expense.ExpenseManagement;
import org.springframework.stereotype.Component;

/**
 * Receipts (F8) are attachments of record type {@code expense}: a file is readable exactly when its expense is
 * (404 outside the scope or when its opportunity is hidden, 403 without {@code opportunity:view}) and changeable
 * when the expense is (also {@code opportunity:edit}, and not on a closed opportunity).
 */
@Component
class AttachableExpenses implements AttachableRecordType {

    private final ExpenseManagement expenses;

    AttachableExpenses(ExpenseManagement expenses) {
        this.expenses = expenses;
    }

    @Override
    public String recordType() {
        return ExpenseManagement.RECORD_TYPE;
    }

    @Override
    public void checkReadable(UUID recordId) {
        expenses.checkAccess(recordId, false);
    }

    @Override
    public void checkEditable(UUID recordId) {
        expenses.checkAccess(recordId, true);
    }
}

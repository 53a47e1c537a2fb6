package org.openloop.crm.contract.web;

import java.util.UUID;

/**
 * The "transfer" form of a contract page: the user who takes the contract over. The facade checks the choice (A5), so
 * a refusal is shown next to the field.
 */
public class TransferForm {

    private UUID assigneeId;

    public UUID getAssigneeId() {
        return assigneeId;
    }

    public void setAssigneeId(UUID assigneeId) {
        this.assigneeId = assigneeId;
    }
}

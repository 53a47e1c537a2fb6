package org.openloop.crm.customer.internal;

import java.util.UUID;

import org.openloop.crm.comment.CommentableRecordType;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.shared.Authorities;
import org.springframework.stereotype.Component;

/** Lets customers carry comments (E8): reading a customer's comments is reading the customer. */
@Component
class CommentableCustomers implements CommentableRecordType {

    private final CustomerManagement customerManagement;
    private final Customers customers;
    private final AccessControl access;

    CommentableCustomers(CustomerManagement customerManagement, Customers customers, AccessControl access) {
        this.customerManagement = customerManagement;
        this.customers = customers;
        this.access = access;
    }

    @Override
    public String recordType() {
        return "customer";
    }

    @Override
    public void checkReadable(UUID recordId) {
        customerManagement.customer(recordId);
    }

    @Override
    public boolean canRead(UUID userId, UUID recordId) {
        return access.hasPermission(userId, "customer", Authorities.Action.VIEW)
                && customers.findVisible(recordId, access.scopeOf(userId)).isPresent();
    }

    @Override
    public String label(UUID recordId) {
        return customerManagement.customer(recordId).name();
    }

    @Override
    public String link(UUID recordId) {
        return "/customers/" + recordId;
    }
}

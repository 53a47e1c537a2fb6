package org.openloop.crm.customer.internal;

import java.util.UUID;

import org.openloop.crm.attachment.AttachableRecordType;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.platform.web.Permissions;
import org.springframework.stereotype.Component;

/**
 * Lets customers and contacts carry attachments (B8). Reading goes through the facade's scoped reads (404 outside
 * the scope, 403 without the view permission); editing additionally needs the record type's edit permission.
 */
final class AttachableCustomerRecords {

    private AttachableCustomerRecords() {
    }

    @Component
    static class CustomerRecords implements AttachableRecordType {

        private final CustomerManagement customers;

        CustomerRecords(CustomerManagement customers) {
            this.customers = customers;
        }

        @Override
        public String recordType() {
            return "customer";
        }

        @Override
        public void checkReadable(UUID recordId) {
            customers.customer(recordId);
        }

        @Override
        public void checkEditable(UUID recordId) {
            checkReadable(recordId);
            Permissions.require("customer", "edit");
        }
    }

    @Component
    static class ContactRecords implements AttachableRecordType {

        private final CustomerManagement customers;

        ContactRecords(CustomerManagement customers) {
            this.customers = customers;
        }

        @Override
        public String recordType() {
            return "contact";
        }

        @Override
        public void checkReadable(UUID recordId) {
            customers.contact(recordId);
        }

        @Override
        public void checkEditable(UUID recordId) {
            checkReadable(recordId);
            Permissions.require("contact", "edit");
        }
    }
}

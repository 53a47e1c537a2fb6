package org.openloop.crm.customer.internal;

import org.openloop.crm.customfield.CustomFieldRecordType;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Customers and contacts carry custom fields (B11); their definitions are readable with the type's view right. */
final class CustomFieldCustomerRecords {

    private CustomFieldCustomerRecords() {
    }

    @Component
    @Order(10)
    static class CustomerRecordType implements CustomFieldRecordType {

        @Override
        public String recordType() {
            return "customer";
        }
    }

    @Component
    @Order(20)
    static class ContactRecordType implements CustomFieldRecordType {

        @Override
        public String recordType() {
            return "contact";
        }
    }
}

package org.openloop.crm.catalog;

/** Whether a catalogue entry is a product (goods, licences) or a service (days of work, maintenance). */
public enum ProductKind {
    PRODUCT, SERVICE
}

package org.openloop.crm.customfield;

/**
 * Implemented, as a Spring bean, by every module whose records carry custom fields (B11). It names the record type
 * and the permission module whose {@code view} right lets a user read the type's definitions; administrators define
 * the fields, the owning module validates and saves values through {@link CustomFields} in its own transactions.
 * Beans are listed in their {@code @Order} (the settings page's tabs).
 */
public interface CustomFieldRecordType {

    /** The record type as definitions and values name it ({@code customer}, {@code contact} …). */
    String recordType();

    /** The permission module ({@code module:view}) that may read this type's definitions. */
    default String permissionModule() {
        return recordType();
    }
}

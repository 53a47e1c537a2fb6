/**
 * Custom fields (B11): fields an administrator adds to a record type — customers and contacts now, opportunities
 * and tickets later. The module owns the definitions (key, labels in both languages, type, rules, order, list and
 * filter flags) and the values, stored typed in {@code custom_field_value} so lists filter on them with an index. A
 * module adopts custom fields by registering a {@link org.openloop.crm.customfield.CustomFieldRecordType} bean and
 * calling {@link org.openloop.crm.customfield.CustomFields} from its facade: validate and save in the transaction
 * that writes the record, load values in one batch for a page, and add {@code CustomFields.filter} to its list
 * query. Values follow merges and hard deletes through {@code shared.RecordsMerged} and {@code shared.RecordDeleted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Custom fields")
package org.openloop.crm.customfield;

/**
 * Expenses (费用, F8) recorded on opportunities: type, amount, date, description and a receipt (an attachment of
 * record type {@code expense}). The recorder owns an expense; it is visible in the owner's data scope and only while
 * the reader can see its opportunity. Expenses use the {@code opportunity} permissions (view reads, edit records and
 * changes, delete removes); a closed or lost opportunity accepts no new expense, and a closed one's expenses are
 * read-only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Expenses")
package org.openloop.crm.expense;

/**
 * Import (B9): customers and, later, other records from xlsx or CSV files. The module owns uploaded files, import
 * jobs, their per-row results and each user's last column mapping; it never knows the record types it imports. A
 * module whose records can be imported implements {@link org.openloop.crm.importing.ImportTarget} as a bean and
 * writes each row through its own facade, so permissions (A2), data scope (A3), validation, duplicate detection (B6)
 * and the audit trail (A6) apply exactly as for records entered by hand.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Import")
package org.openloop.crm.importing;

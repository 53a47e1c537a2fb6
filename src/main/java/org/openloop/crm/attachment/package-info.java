/**
 * Attachments (B8): files attached to any record (customers and contacts now; interactions, opportunities and
 * tickets later). The module owns the file metadata and the stored content; it never knows the owning modules.
 * Access derives from the owning record: a module that wants attachments on its records implements
 * {@link org.openloop.crm.attachment.AttachableRecordType} as a bean, and this module asks it whether the current
 * user may read or edit a record (A2, A3). Content is sniffed by magic bytes, stored under generated names and
 * always served as a download.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Attachments")
package org.openloop.crm.attachment;

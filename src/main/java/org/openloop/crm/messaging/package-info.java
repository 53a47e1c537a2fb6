/**
 * E-mail and call logging (C3, C4): mail sent to contacts from the CRM (with administrator-kept templates), mail
 * read from an IMAP mailbox, and calls posted by the telephony system, each matched to a contact by address or
 * phone number and shown on the customer's timeline; what matches nobody waits in a review list. Permissions are
 * those of the {@code activity} module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
package org.openloop.crm.messaging;

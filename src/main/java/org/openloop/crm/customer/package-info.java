/**
 * Customers and contacts (B1, B2): the records every other module links to, by id. Customers and contacts are owned
 * records subject to data scope; phones and e-mails are sensitive fields.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers")
package org.openloop.crm.customer;

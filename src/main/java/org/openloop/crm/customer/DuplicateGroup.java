package org.openloop.crm.customer;

import java.util.List;

/** Customers that share a normalised name or a phone number (B6 duplicate finder). */
public record DuplicateGroup(String reason, String key, List<CustomerView> customers) {
}

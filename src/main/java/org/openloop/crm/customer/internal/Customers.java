package org.openloop.crm.customer.internal;

import java.util.UUID;

import org.openloop.crm.shared.ScopedRepository;

public interface Customers extends ScopedRepository<Customer, UUID> {

    boolean existsByNumber(String number);
}

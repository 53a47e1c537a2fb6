package org.openloop.crm.customer.internal;

import org.openloop.crm.customer.CustomerLevel;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PoolRules extends JpaRepository<CustomerPoolRule, CustomerLevel> {
}

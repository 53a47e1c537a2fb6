package org.openloop.crm.catalog.internal;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Price lists. */
public interface PriceLists extends JpaRepository<PriceList, UUID>, JpaSpecificationExecutor<PriceList> {

    boolean existsByName(String name);
}

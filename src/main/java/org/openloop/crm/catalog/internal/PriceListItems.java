package org.openloop.crm.catalog.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Prices of price lists. */
public interface PriceListItems extends JpaRepository<PriceListItem, UUID> {

    List<PriceListItem> findByPriceListId(UUID priceListId);

    Optional<PriceListItem> findByPriceListIdAndProductId(UUID priceListId, UUID productId);

    List<PriceListItem> findByProductId(UUID productId);
}

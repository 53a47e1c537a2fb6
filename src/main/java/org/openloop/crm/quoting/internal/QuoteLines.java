package org.openloop.crm.quoting.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Quote lines; read only together with a quote the caller sees. */
public interface QuoteLines extends JpaRepository<QuoteLine, UUID> {

    List<QuoteLine> findByQuoteIdOrderByPosition(UUID quoteId);

    List<QuoteLine> findByQuoteIdInOrderByPosition(Collection<UUID> quoteIds);

    void deleteByQuoteId(UUID quoteId);

    boolean existsByProductId(UUID productId);
}

package org.openloop.crm.quoting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One version of a quote, for the detail page's version list. */
public record QuoteVersionRef(UUID id, int version, QuoteStatus status, BigDecimal grandTotal, Instant createdAt) {
}

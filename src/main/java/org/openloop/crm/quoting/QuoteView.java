package org.openloop.crm.quoting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A quote as pages and API show it, with its lines, totals, the quote-level discount (list value of the lines
 * minus their net) and the steps the reader may take now ({@code allowedActions}). {@code quoteVersion} is the
 * quote's version number (1, 2, …); {@code version} is the optimistic-lock version that updates and steps send back.
 */
public record QuoteView(UUID id, String number, int quoteVersion, QuoteStatus status, UUID opportunityId,
        String opportunityName, UUID customerId, String customerName, UUID contactId, String contactName,
        UUID priceListId, String priceListName, String currency, LocalDate quoteDate, LocalDate validUntil,
        String terms, List<QuoteLineView> lines, BigDecimal grossTotal, BigDecimal discountTotal,
        BigDecimal discountPercent, BigDecimal netTotal, BigDecimal taxTotal, BigDecimal grandTotal,
        boolean approvalRequired, UUID approvedById, String approvedByName, Instant approvedAt,
        String approvalRejectedReason, Instant sentAt, Instant decidedAt, UUID ownerId, String ownerName,
        UUID departmentId, Instant createdAt, Instant updatedAt, long version, Set<QuoteAction> allowedActions,
        boolean editable) {

    /** Whether the reader may take {@code action} now (for buttons). */
    public boolean can(String action) {
        return allowedActions.contains(QuoteAction.valueOf(action));
    }
}

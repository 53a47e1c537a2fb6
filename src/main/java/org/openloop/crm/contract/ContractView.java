package org.openloop.crm.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.sales.OpportunityStatus;
import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.Sensitive;

/**
 * A contract as its reader may see it. Amounts and the term are sensitive (A4): without {@code sensitive:view} they
 * are {@code null} and {@code masked} is true. {@code overdue} flags an instalment past its due date and not covered. The opportunity's name and status are
 * filled on the detail only, when the reader may see the opportunity.
 */
public record ContractView(UUID id, String number, String title, ContractKind kind, ContractStatus status,
        UUID quoteId, String quoteNumber, UUID opportunityId, String opportunityName,
        OpportunityStatus opportunityStatus, UUID customerId, String customerName, String currency,
        @Sensitive(MaskStyle.AMOUNT) BigDecimal amount, @Sensitive(MaskStyle.AMOUNT) BigDecimal netTotal,
        @Sensitive(MaskStyle.AMOUNT) BigDecimal taxTotal, @Sensitive(MaskStyle.AMOUNT) BigDecimal received,
        @Sensitive(MaskStyle.AMOUNT) BigDecimal outstanding, LocalDate signingDate,
        @Sensitive(MaskStyle.AMOUNT) LocalDate termStart, @Sensitive(MaskStyle.AMOUNT) LocalDate termEnd,
        LocalDate renewalDate, DeliveryStatus deliveryStatus, String signer, String notes, boolean overdue,
        UUID ownerId, String ownerName, UUID departmentId, boolean masked, List<ContractLineView> lines,
        Instant createdAt, long version) {
}

package org.openloop.crm.contract;

import java.math.BigDecimal;
import java.util.UUID;

import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.Sensitive;

/** One line of a contract as copied from its quote; prices and amounts are sensitive like the contract's amount. */
public record ContractLineView(int position, UUID productId, String productCode, String productName,
        String description, String unit, BigDecimal quantity,
        @Sensitive(MaskStyle.AMOUNT) BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRate,
        @Sensitive(MaskStyle.AMOUNT) BigDecimal netAmount, @Sensitive(MaskStyle.AMOUNT) BigDecimal taxAmount,
        @Sensitive(MaskStyle.AMOUNT) BigDecimal totalAmount) {
}

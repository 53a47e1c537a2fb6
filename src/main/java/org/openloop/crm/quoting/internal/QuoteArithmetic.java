package org.openloop.crm.quoting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The one place where quote amounts are computed (F5). A line's net is quantity × unit price × (1 − discount/100),
 * computed exactly and rounded HALF_UP to the cent once; its tax is net × rate/100, rounded HALF_UP to the cent; its
 * total is net + tax. Quote totals are sums of the rounded lines, so the lines always add up to the totals printed.
 * The quote-level discount shown is the lines' list value (quantity × unit price, rounded) minus their net.
 * The quote form previews the same arithmetic in {@code static/js/quoting.js}: a change here changes it there.
 */
public final class QuoteArithmetic {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private QuoteArithmetic() {
    }

    /** The amounts of one line. */
    public record LineAmounts(BigDecimal gross, BigDecimal net, BigDecimal tax, BigDecimal total) {
    }

    /** The amounts of a whole quote; {@code discountPercent} is the discount relative to the gross, 2 decimals. */
    public record Totals(BigDecimal grossTotal, BigDecimal discountTotal, BigDecimal discountPercent,
            BigDecimal netTotal, BigDecimal taxTotal, BigDecimal grandTotal) {
    }

    public static LineAmounts line(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
            BigDecimal taxRate) {
        BigDecimal discount = discountPercent == null ? BigDecimal.ZERO : discountPercent;
        BigDecimal rate = taxRate == null ? BigDecimal.ZERO : taxRate;
        BigDecimal exactGross = quantity.multiply(unitPrice);
        // exact: quantity × price × (100 − d) / 100; dividing by 100 only moves the point, so nothing is lost
        BigDecimal exactNet = exactGross.multiply(HUNDRED.subtract(discount)).movePointLeft(2);
        BigDecimal net = cents(exactNet);
        BigDecimal tax = cents(net.multiply(rate).movePointLeft(2));
        return new LineAmounts(cents(exactGross), net, tax, net.add(tax));
    }

    public static Totals totals(List<LineAmounts> lines) {
        BigDecimal gross = cents(BigDecimal.ZERO);
        BigDecimal net = cents(BigDecimal.ZERO);
        BigDecimal tax = cents(BigDecimal.ZERO);
        for (LineAmounts line : lines) {
            gross = gross.add(line.gross());
            net = net.add(line.net());
            tax = tax.add(line.tax());
        }
        BigDecimal discount = gross.subtract(net);
        BigDecimal percent = gross.signum() == 0 ? cents(BigDecimal.ZERO)
                : discount.multiply(HUNDRED).divide(gross, 2, RoundingMode.HALF_UP);
        return new Totals(gross, discount, percent, net, tax, net.add(tax));
    }

    /** Rounds HALF_UP to the cent. */
    public static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}

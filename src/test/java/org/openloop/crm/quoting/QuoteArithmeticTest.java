package org.openloop.crm.quoting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openloop.crm.quoting.internal.QuoteArithmetic;
import org.openloop.crm.quoting.internal.QuoteArithmetic.LineAmounts;
import org.openloop.crm.quoting.internal.QuoteArithmetic.Totals;

/** F5: quote amounts to the cent — line net and tax rounded HALF_UP once each, totals as sums of rounded lines. */
class QuoteArithmeticTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @ParameterizedTest(name = "F5: {0} × {1} − {2} % at {3} % tax → net {4}, tax {5}, total {6}")
    @CsvSource({
            // plain: no discount
            "3, 5000.00, 0, 13, 15000.00, 1950.00, 16950.00",
            // discount: 3 × 5000 × 0.95
            "3, 5000.00, 5, 13, 14250.00, 1852.50, 16102.50",
            // 0.005 on the net rounds up: 1 × 0.01 × 0.5 = 0.005 → 0.01
            "1, 0.01, 50, 0, 0.01, 0.00, 0.01",
            // 0.005 on the tax rounds up: 0.05 × 10 % = 0.005 → 0.01
            "1, 0.05, 0, 10, 0.05, 0.01, 0.06",
            // 0.0049… rounds down: 1 × 0.33 × 1.5 % tax = 0.00495 → 0.00
            "1, 0.33, 0, 1.5, 0.33, 0.00, 0.33",
            // the net is rounded once from the exact product, not per step: 3 × 33.33 × 0.85 = 84.9915 → 84.99
            "3, 33.33, 15, 6, 84.99, 5.10, 90.09",
            // fractional quantity: 2.5 × 1999.99 × 0.9 = 4499.9775 → 4499.98; tax 6 % = 269.9988 → 270.00
            "2.5, 1999.99, 10, 6, 4499.98, 270.00, 4769.98",
            // 100 % discount leaves nothing to tax
            "4, 250.00, 100, 13, 0.00, 0.00, 0.00",
            // a discount with decimals: 7 × 19.99 × (1 − 12.5 %) = 122.438… → 122.44; tax 13 % = 15.9172 → 15.92
            "7, 19.99, 12.5, 13, 122.44, 15.92, 138.36"
    })
    void lineAmounts(String quantity, String price, String discount, String rate, String net, String tax,
            String total) {
        LineAmounts line = QuoteArithmetic.line(d(quantity), d(price), d(discount), d(rate));
        assertThat(line.net()).isEqualByComparingTo(net);
        assertThat(line.net().scale()).isEqualTo(2);
        assertThat(line.tax()).isEqualByComparingTo(tax);
        assertThat(line.total()).isEqualByComparingTo(total);
    }

    @Test
    @DisplayName("F5: totals are sums of the rounded lines, so the printed lines always add up")
    void totalsAreSumsOfRoundedLines() {
        // each line's tax is 0.005 → 0.01; three lines give 0.03 (taxing the summed net 0.15 would give 0.02)
        List<LineAmounts> lines = List.of(
                QuoteArithmetic.line(d("1"), d("0.05"), d("0"), d("10")),
                QuoteArithmetic.line(d("1"), d("0.05"), d("0"), d("10")),
                QuoteArithmetic.line(d("1"), d("0.05"), d("0"), d("10")));
        Totals totals = QuoteArithmetic.totals(lines);
        assertThat(totals.netTotal()).isEqualByComparingTo("0.15");
        assertThat(totals.taxTotal()).isEqualByComparingTo("0.03");
        assertThat(totals.grandTotal()).isEqualByComparingTo("0.18");
    }

    @Test
    @DisplayName("F5: the quote-level discount is the list value minus the net, with its percentage")
    void quoteLevelDiscount() {
        Totals totals = QuoteArithmetic.totals(List.of(
                QuoteArithmetic.line(d("50"), d("5000.00"), d("8"), d("13")),
                QuoteArithmetic.line(d("40"), d("2500.00"), d("5"), d("6")),
                QuoteArithmetic.line(d("1"), d("18000.00"), d("0"), d("6"))));
        assertThat(totals.grossTotal()).isEqualByComparingTo("368000.00");
        assertThat(totals.netTotal()).isEqualByComparingTo("343000.00");
        assertThat(totals.discountTotal()).isEqualByComparingTo("25000.00");
        assertThat(totals.discountPercent()).isEqualByComparingTo("6.79");
        // tax: 230000 × 13 % = 29900; 95000 × 6 % = 5700; 18000 × 6 % = 1080
        assertThat(totals.taxTotal()).isEqualByComparingTo("36680.00");
        assertThat(totals.grandTotal()).isEqualByComparingTo("379680.00");
    }

    @Test
    @DisplayName("F5: an empty quote totals zero with no discount")
    void empty() {
        Totals totals = QuoteArithmetic.totals(List.of());
        assertThat(totals.grandTotal()).isEqualByComparingTo("0.00");
        assertThat(totals.discountPercent()).isEqualByComparingTo("0.00");
    }
}

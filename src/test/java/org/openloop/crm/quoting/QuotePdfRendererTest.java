package org.openloop.crm.quoting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.quoting.internal.QuotePdfRenderer;

/** The quote PDF on its own (F5): Chinese text embedded as a font subset and extractable, long quotes paginate. */
class QuotePdfRendererTest {

    static QuoteView quote(int lines) {
        List<QuoteLineView> items = new ArrayList<>();
        for (int i = 1; i <= lines; i++) {
            items.add(new QuoteLineView(UUID.randomUUID(), i, UUID.randomUUID(), "CRM-STD", "CRM 标准版 license",
                    "含一年升级 " + i, "套", new BigDecimal("10.000"), new BigDecimal("5000.00"), new BigDecimal("5.00"),
                    new BigDecimal("13.00"), new BigDecimal("47500.00"), new BigDecimal("6175.00"),
                    new BigDecimal("53675.00")));
        }
        return new QuoteView(UUID.randomUUID(), "BJ20261128001", 2, QuoteStatus.DRAFT, UUID.randomUUID(),
                "A科技公司 ERP 升级项目", UUID.randomUUID(), "A科技公司", null, null, null, null, "CNY",
                LocalDate.of(2026, 11, 28), LocalDate.of(2026, 12, 28), "付款方式：合同签订后 30 天内付清。\n交付：签约后两周。",
                items, new BigDecimal("50000.00"), new BigDecimal("2500.00"), new BigDecimal("5.00"),
                new BigDecimal("47500.00"), new BigDecimal("6175.00"), new BigDecimal("53675.00"), false, null, null,
                null, null, null, null, UUID.randomUUID(), "李明", null, Instant.now(), Instant.now(), 0, Set.of(),
                true);
    }

    @Test
    @DisplayName("F5: the PDF embeds a Chinese font subset; the customer, product and totals read back as text")
    void chineseTextReadsBack() throws Exception {
        QuotePdfRenderer renderer = QuotePdfRendererFactory.renderer();
        byte[] pdf = renderer.render(quote(3), "王经理", key -> key.equals("quote.pdf.title") ? "报价单" : key);
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("A科技公司", "CRM 标准版 license", "报价单", "BJ20261128001", "王经理",
                    "53,675.00", "付款方式");
            var resources = document.getPage(0).getResources();
            List<PDFont> fonts = new ArrayList<>();
            for (var name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
            assertThat(fonts).anySatisfy(font -> {
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).contains("+"); // a subset tag such as ABCDEF+DroidSansFallback
            });
        }
        assertThat(pdf.length).as("subset, not the whole 4 MB font").isLessThan(400_000);
    }

    @Test
    @DisplayName("F5: a quote with many lines continues on further pages")
    void paginates() throws Exception {
        byte[] pdf = QuotePdfRendererFactory.renderer().render(quote(60), null, key -> key);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            assertThat(new PDFTextStripper().getText(document)).contains("含一年升级 60");
        }
    }
}

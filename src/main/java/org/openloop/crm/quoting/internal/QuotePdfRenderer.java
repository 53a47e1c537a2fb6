package org.openloop.crm.quoting.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.openloop.crm.quoting.QuoteLineView;
import org.openloop.crm.quoting.QuoteView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Renders a quote as an A4 PDF with PDFBox (F5): company header, customer and contact, number and version, dates,
 * the lines table, totals and terms. Text is set in a TrueType font with Chinese glyphs ({@code crm.quote.pdf.font},
 * by default the bundled Droid Sans Fallback, Apache-2.0), embedded as a subset so the PDF shows the same on every
 * reader and its text can be extracted. Labels come from the caller in the reader's language.
 */
@Component
public class QuotePdfRenderer {

    /** The issuing company as printed in the header. */
    public record Company(String name, String address, String phone) {
    }

    private static final float MARGIN = 40;
    private static final float[] COLUMNS = {22, 145, 42, 30, 62, 38, 36, 70, 70};

    private final Resource fontResource;
    private final Company company;
    private volatile byte[] fontBytes;

    QuotePdfRenderer(@Value("${crm.quote.pdf.font:classpath:fonts/DroidSansFallbackFull.ttf}") Resource fontResource,
            @Value("${crm.company.name:OpenLoop 科技有限公司}") String companyName,
            @Value("${crm.company.address:}") String companyAddress,
            @Value("${crm.company.phone:}") String companyPhone) {
        this.fontResource = fontResource;
        this.company = new Company(companyName, companyAddress, companyPhone);
    }

    /**
     * The quote as PDF bytes. {@code label} resolves message keys in the reader's language; {@code contactName}
     * may be null.
     */
    public byte[] render(QuoteView quote, String contactName, Function<String, String> label) {
        try (PDDocument document = new PDDocument()) {
            PDFont font;
            try (InputStream in = new ByteArrayInputStream(font())) {
                font = PDType0Font.load(document, in, true);
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(label.apply("quote.pdf.title") + " " + quote.number() + " v" + quote.quoteVersion());
            info.setAuthor(company.name());
            Writer writer = new Writer(document, new Fonts(new PDType1Font(Standard14Fonts.FontName.HELVETICA), font));
            writer.text(company.name(), 16, MARGIN);
            String contactLine = String.join("  ", List.of(company.address(), company.phone()).stream()
                    .filter(s -> s != null && !s.isBlank()).toList());
            if (!contactLine.isEmpty()) {
                writer.text(contactLine, 9, MARGIN);
            }
            writer.rule();
            writer.gap(6);
            writer.text(label.apply("quote.pdf.title"), 18, MARGIN);
            writer.gap(4);
            field(writer, label.apply("quote.field.number"), quote.number() + "  v" + quote.quoteVersion());
            field(writer, label.apply("quote.field.quoteDate"), String.valueOf(quote.quoteDate()));
            field(writer, label.apply("quote.field.validUntil"),
                    quote.validUntil() == null ? "—" : String.valueOf(quote.validUntil()));
            field(writer, label.apply("quote.field.customer"), quote.customerName());
            field(writer, label.apply("quote.field.contact"), contactName == null ? "—" : contactName);
            field(writer, label.apply("quote.field.opportunity"),
                    quote.opportunityName() == null ? "—" : quote.opportunityName());
            field(writer, label.apply("quote.field.currency"), quote.currency());
            writer.gap(8);

            String[] headers = {"#", label.apply("quote.line.product"), label.apply("quote.line.quantity"),
                    label.apply("quote.line.unit"), label.apply("quote.line.unitPrice"),
                    label.apply("quote.line.discount"), label.apply("quote.line.taxRate"),
                    label.apply("quote.line.net"), label.apply("quote.line.total")};
            writer.row(headers, 8.5f);
            writer.rule();
            for (QuoteLineView line : quote.lines()) {
                String product = line.productCode() + " " + line.productName()
                        + (line.description() == null || line.description().isBlank() ? "" : "\n" + line.description());
                writer.row(new String[] {String.valueOf(line.position()), product, plain(line.quantity()),
                        line.unit(), money(line.unitPrice()), plain(line.discountPercent()) + "%",
                        plain(line.taxRate()) + "%", money(line.netAmount()), money(line.totalAmount())}, 8.5f);
            }
            writer.rule();
            writer.gap(4);
            total(writer, label.apply("quote.total.gross"), money(quote.grossTotal()), false);
            total(writer, label.apply("quote.total.discount"),
                    "-" + money(quote.discountTotal()) + " (" + plain(quote.discountPercent()) + "%)", false);
            total(writer, label.apply("quote.total.net"), money(quote.netTotal()), false);
            total(writer, label.apply("quote.total.tax"), money(quote.taxTotal()), false);
            total(writer, label.apply("quote.total.grand") + " (" + quote.currency() + ")", money(quote.grandTotal()),
                    true);
            if (quote.terms() != null && !quote.terms().isBlank()) {
                writer.gap(10);
                writer.text(label.apply("quote.field.terms"), 10, MARGIN);
                writer.paragraph(quote.terms(), 9, MARGIN, writer.width());
            }
            writer.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void field(Writer writer, String name, String value) throws IOException {
        writer.pair(name, value, 10);
    }

    private static void total(Writer writer, String name, String value, boolean strong) throws IOException {
        writer.right(name, value, strong ? 11 : 9.5f);
    }

    private byte[] font() throws IOException {
        byte[] bytes = fontBytes;
        if (bytes == null) {
            try (InputStream in = fontResource.getInputStream()) {
                bytes = in.readAllBytes();
            }
            fontBytes = bytes;
        }
        return bytes;
    }

    static String money(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value);
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** A piece of text set in one font. */
    private record Run(PDFont font, String text) {
    }

    /**
     * Latin text in Helvetica (a standard font every reader has), everything else in the embedded Chinese font;
     * a character neither can show prints as "?".
     */
    private static final class Fonts {

        private final PDFont latin;
        private final PDFont cjk;
        private final java.util.Map<Integer, PDFont> choice = new java.util.HashMap<>();

        Fonts(PDFont latin, PDFont cjk) {
            this.latin = latin;
            this.cjk = cjk;
        }

        List<Run> runs(String text) {
            List<Run> runs = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            PDFont currentFont = null;
            int i = 0;
            while (i < text.length()) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                PDFont font = fontFor(cp);
                String piece = font == null ? "?" : new String(Character.toChars(cp));
                if (font == null) {
                    font = latin;
                }
                if (currentFont != null && font != currentFont) {
                    runs.add(new Run(currentFont, current.toString()));
                    current.setLength(0);
                }
                currentFont = font;
                current.append(piece);
            }
            if (currentFont != null && current.length() > 0) {
                runs.add(new Run(currentFont, current.toString()));
            }
            return runs;
        }

        private PDFont fontFor(int codePoint) {
            return choice.computeIfAbsent(codePoint, cp -> {
                String text = new String(Character.toChars(cp));
                if (cp < 0x250 && encodes(latin, text)) {
                    return latin;
                }
                return encodes(cjk, text) ? cjk : null;
            });
        }

        private static boolean encodes(PDFont font, String text) {
            try {
                font.encode(text);
                return true;
            }
            catch (IllegalArgumentException | IllegalStateException | IOException e) {
                return false;
            }
        }
    }

    /** Writes lines top to bottom, starting new pages as needed. */
    private static final class Writer {

        private final PDDocument document;
        private final Fonts fonts;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document, Fonts fonts) throws IOException {
            this.document = document;
            this.fonts = fonts;
            newPage();
        }

        float width() {
            return PDRectangle.A4.getWidth() - 2 * MARGIN;
        }

        void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void ensure(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void gap(float height) {
            y -= height;
        }

        void text(String value, float size, float x) throws IOException {
            ensure(size * 1.4f);
            y -= size * 1.3f;
            show(value, size, x, y);
        }

        void pair(String name, String value, float size) throws IOException {
            ensure(size * 1.4f);
            y -= size * 1.4f;
            show(name, size, MARGIN, y);
            show(value, size, MARGIN + 90, y);
        }

        void right(String name, String value, float size) throws IOException {
            ensure(size * 1.5f);
            y -= size * 1.5f;
            float end = MARGIN + width();
            show(value, size, end - textWidth(value, size), y);
            show(name, size, end - 130 - textWidth(name, size), y);
        }

        void paragraph(String value, float size, float x, float maxWidth) throws IOException {
            for (String line : wrap(value, size, maxWidth)) {
                text(line, size, x);
            }
        }

        void rule() throws IOException {
            y -= 3;
            stream.setLineWidth(0.5f);
            stream.moveTo(MARGIN, y);
            stream.lineTo(MARGIN + width(), y);
            stream.stroke();
            y -= 2;
        }

        void row(String[] cells, float size) throws IOException {
            List<List<String>> wrapped = new ArrayList<>();
            int height = 1;
            for (int i = 0; i < cells.length; i++) {
                List<String> lines = wrap(cells[i], size, COLUMNS[i] - 3);
                wrapped.add(lines);
                height = Math.max(height, lines.size());
            }
            float lineHeight = size * 1.35f;
            ensure(height * lineHeight + 2);
            float x = MARGIN;
            for (int i = 0; i < cells.length; i++) {
                float lineY = y;
                boolean numeric = i >= 2 && i != 3;
                for (String line : wrapped.get(i)) {
                    lineY -= lineHeight;
                    float left = numeric ? x + COLUMNS[i] - 3 - textWidth(line, size) : x;
                    show(line, size, left, lineY);
                }
                x += COLUMNS[i];
            }
            y -= height * lineHeight + 2;
        }

        List<String> wrap(String value, float size, float maxWidth) throws IOException {
            List<String> result = new ArrayList<>();
            for (String paragraph : (value == null ? "" : value).split("\\r?\\n")) {
                StringBuilder current = new StringBuilder();
                int i = 0;
                while (i < paragraph.length()) {
                    int cp = paragraph.codePointAt(i);
                    String next = current + new String(Character.toChars(cp));
                    if (textWidth(next, size) > maxWidth && current.length() > 0) {
                        result.add(current.toString());
                        current = new StringBuilder(new String(Character.toChars(cp)));
                    }
                    else {
                        current = new StringBuilder(next);
                    }
                    i += Character.charCount(cp);
                }
                result.add(current.toString());
            }
            return result;
        }

        float textWidth(String value, float size) throws IOException {
            float width = 0;
            for (Run run : fonts.runs(printable(value))) {
                width += run.font().getStringWidth(run.text()) / 1000 * size;
            }
            return width;
        }

        void show(String value, float size, float x, float atY) throws IOException {
            String text = printable(value);
            if (text.isEmpty()) {
                return;
            }
            float left = x;
            for (Run run : fonts.runs(text)) {
                stream.beginText();
                stream.setFont(run.font(), size);
                stream.newLineAtOffset(left, atY);
                stream.showText(run.text());
                stream.endText();
                left += run.font().getStringWidth(run.text()) / 1000 * size;
            }
        }

        /** Control characters cannot be shown; tabs become spaces. */
        private static String printable(String value) {
            if (value == null) {
                return "";
            }
            StringBuilder result = new StringBuilder(value.length());
            value.codePoints().forEach(cp -> {
                if (cp == '\t') {
                    result.append(' ');
                }
                else if (!Character.isISOControl(cp)) {
                    result.appendCodePoint(cp);
                }
            });
            return result.toString();
        }

        void close() throws IOException {
            stream.close();
        }
    }
}

package org.openloop.crm.importing.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads uploaded files row by row without holding them in memory (B9). xlsx goes through POI's event reader
 * ({@link XSSFReader} and {@link XSSFSheetXMLHandler}) with POI's hardened XML parser (no DOCTYPE, no external
 * entities) and the zip limits set in {@link ImportConfiguration}; formula cells yield their cached value and are never
 * evaluated. CSV goes through Commons CSV; its encoding is UTF-8 (with or without BOM) when the first 64 KiB decode
 * strictly as UTF-8, GBK otherwise, unless the user chose one.
 */
public final class ImportFiles {

    public enum Format {
        CSV, XLSX;

        public static Format ofFileName(String name) {
            String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".csv")) {
                return CSV;
            }
            if (lower.endsWith(".xlsx")) {
                return XLSX;
            }
            return null;
        }
    }

    /** Receives the rows after the header: the row's number in the file (header = 1) and its cells. */
    @FunctionalInterface
    public interface RowHandler {
        void row(int number, List<String> cells);
    }

    /** Thrown by a {@link RowHandler} to stop reading early (cancel). */
    public static final class StopReading extends RuntimeException {
        public StopReading() {
            super(null, null, false, false);
        }
    }

    /** The file could not be read as what it claims to be, or tripped a safety limit. */
    public static final class UnreadableFile extends Exception {
        public UnreadableFile(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Header, number of non-empty data rows, and the encoding used (CSV). */
    public record Inspection(List<String> headers, int rows, String encoding) {
    }

    public static final Charset GBK = Charset.forName("GBK");
    private static final int SNIFF = 64 * 1024;

    private ImportFiles() {
    }

    /** UTF-8 when the first chunk decodes strictly as UTF-8 (a BOM counts as UTF-8), GBK otherwise. */
    public static Charset detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF);
        }
        return looksLikeUtf8(head, head.length < SNIFF) ? StandardCharsets.UTF_8 : GBK;
    }

    static boolean looksLikeUtf8(byte[] head, boolean complete) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(head.length + 1);
        // A chunk cut in the middle of a character is underflow, not an error, unless the file ends there.
        CoderResult result = decoder.decode(ByteBuffer.wrap(head), out, complete);
        return !result.isError();
    }

    public static Charset charset(String choice) {
        if (choice == null || choice.isBlank() || choice.equalsIgnoreCase("auto")) {
            return null;
        }
        return switch (choice.trim().toUpperCase(Locale.ROOT)) {
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            case "GBK", "GB2312", "GB18030" -> GBK;
            default -> throw new IllegalArgumentException(choice);
        };
    }

    /** Reads the whole file once: checks it is readable and within {@code maxRows}, and returns its header. */
    public static Inspection inspect(Path file, Format format, Charset charset, int maxRows)
            throws UnreadableFile, TooManyRows {
        List<List<String>> header = new ArrayList<>(1);
        int[] rows = { 0 };
        read(file, format, charset, (number, cells) -> {
            if (++rows[0] > maxRows) {
                throw new TooManyRowsSignal();
            }
        }, header);
        return new Inspection(header.isEmpty() ? List.of() : header.get(0), rows[0],
                format == Format.CSV ? charset.name() : null);
    }

    /** More data rows than allowed. */
    public static final class TooManyRows extends Exception {
    }

    private static final class TooManyRowsSignal extends RuntimeException {
        TooManyRowsSignal() {
            super(null, null, false, false);
        }
    }

    /** Streams the data rows (empty rows left out) to {@code handler}. */
    public static void read(Path file, Format format, Charset charset, RowHandler handler) throws UnreadableFile {
        try {
            read(file, format, charset, handler, new ArrayList<>(1));
        }
        catch (TooManyRows e) {
            throw new IllegalStateException(e);
        }
    }

    private static void read(Path file, Format format, Charset charset, RowHandler handler, List<List<String>> header)
            throws UnreadableFile, TooManyRows {
        try {
            if (format == Format.CSV) {
                readCsv(file, charset, handler, header);
            }
            else {
                readXlsx(file, handler, header);
            }
        }
        catch (StopReading e) {
            // asked to stop
        }
        catch (TooManyRowsSignal e) {
            throw new TooManyRows();
        }
        catch (UnreadableFile e) {
            throw e;
        }
        catch (Exception | StackOverflowError e) {
            throw new UnreadableFile(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static void readCsv(Path file, Charset charset, RowHandler handler, List<List<String>> header)
            throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        try (in) {
            if (charset.equals(StandardCharsets.UTF_8)) {
                in.mark(3);
                byte[] bom = in.readNBytes(3);
                if (!Arrays.equals(bom, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF })) {
                    in.reset();
                }
            }
            CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            Reader reader = new InputStreamReader(in, decoder);
            try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
                boolean first = true;
                for (CSVRecord record : parser) {
                    List<String> cells = record.toList();
                    if (first) {
                        header.add(cells.stream().map(ImportFiles::trim).toList());
                        first = false;
                        continue;
                    }
                    if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                        continue;
                    }
                    handler.row((int) record.getRecordNumber(), cells);
                }
            }
        }
    }

    private static void readXlsx(Path file, RowHandler handler, List<List<String>> header) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableFile("no sheet", null);
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings,
                        new Rows(handler, header), new DataFormatter(Locale.ROOT), false));
                parser.parse(new InputSource(sheet));
            }
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    /** Collects the cells of one sheet row by column, then hands the row over. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RowHandler handler;
        private final List<List<String>> header;
        private final List<String> cells = new ArrayList<>();
        private int row;
        private boolean headerSeen;

        Rows(RowHandler handler, List<List<String>> header) {
            this.handler = handler;
            this.header = header;
        }

        @Override
        public void startRow(int rowNum) {
            row = rowNum;
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (!headerSeen) {
                if (cells.stream().allMatch(String::isBlank)) {
                    return;
                }
                header.add(cells.stream().map(ImportFiles::trim).toList());
                headerSeen = true;
                return;
            }
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            handler.row(row + 1, List.copyOf(cells));
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (column > 1000) {
                return;
            }
            while (cells.size() < column) {
                cells.add("");
            }
            if (cells.size() == column) {
                cells.add(formattedValue == null ? "" : formattedValue);
            }
            else {
                cells.set(column, formattedValue == null ? "" : formattedValue);
            }
        }

        @Override
        public void headerFooter(String text, boolean isHeader, String tagName) {
        }
    }
}

package org.openloop.crm.platform;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.openloop.crm.shared.CrmPrincipal;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListQuery;
import org.openloop.crm.shared.ListRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The one export mechanism (B9, A6): streams rows as CSV (UTF-8 with BOM, so Excel reads Chinese correctly) or xlsx
 * (streaming workbook, constant memory) straight into the response, inside a read-only transaction, and publishes
 * {@link DataExported} for the audit trail. Text that a spreadsheet would run as a formula is neutralised. Callers
 * page through their data (keyset) and call {@link RowSink#endOfPage()} after each page, so the transaction does not
 * keep every record it has read: memory stays constant for a million rows.
 * Callers feed rows that already went through data scope and masking.
 */
@Component
public class Exports {

    public enum Format {
        CSV("text/csv;charset=UTF-8", "csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "xlsx");

        final String contentType;
        final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        /** {@code csv} or {@code xlsx}, case-insensitive; anything else is refused. */
        public static Format of(String value) {
            if (value == null) {
                return XLSX;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "xlsx" -> XLSX;
                default -> throw new IllegalArgumentException("Unsupported export format " + value);
            };
        }
    }

    /** Receives the rows of an export, one call per row. */
    @FunctionalInterface
    public interface RowSink {
        void row(List<?> values);

        /**
         * Says that the rows of one page have been written and the records read for it are no longer needed: the
         * export lets go of them (clears the persistence context of its transaction), so memory stays constant
         * however many pages follow. Call it after each page, never while still reading the page's entities.
         */
        default void endOfPage() {
        }
    }

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final TransactionTemplate readOnly;
    private final ApplicationEventPublisher events;
    private final jakarta.persistence.EntityManager entityManager;

    Exports(PlatformTransactionManager transactions, ApplicationEventPublisher events,
            jakarta.persistence.EntityManager entityManager) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.events = events;
        this.entityManager = entityManager;
    }

    /** A sink that writes each row with {@code writer} and forgets the page's entities at the end of each page. */
    private RowSink sink(java.util.function.Consumer<List<?>> writer) {
        return new RowSink() {
            @Override
            public void row(List<?> values) {
                writer.accept(values);
            }

            @Override
            public void endOfPage() {
                // everything the export reads is read-only, so nothing is lost by detaching it
                entityManager.clear();
            }
        };
    }

    /**
     * Writes an export into {@code response}. {@code rows} runs inside a read-only transaction and should page through
     * its data (keyset) rather than load it all.
     */
    public void write(HttpServletResponse response, Format format, String baseName, String entityType,
            List<String> headers, ZoneId zone, Consumer<RowSink> rows) throws IOException {
        String filename = baseName + "-" + LocalDate.now(zone) + "." + format.extension;
        response.setContentType(format.contentType);
        response.setHeader("Content-Disposition",
                ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        long[] count = { 0 };
        OutputStream out = response.getOutputStream();
        if (format == Format.CSV) {
            writeCsv(out, headers, zone, rows, count);
        }
        else {
            writeXlsx(out, headers, zone, rows, count);
        }
        events.publishEvent(new DataExported(CrmPrincipal.current().map(CrmPrincipal::userId).orElse(null),
                entityType, format.name(), count[0]));
    }

    /**
     * Writes every page of a list as an export: {@code pages} answers one keyset page of {@code request} (the
     * module's own query with its data scope and restrictions), {@code views} turns a page's records into views in one
     * go (so related data is read once per page, not per row) and {@code row} turns a view into cells. Pages are read
     * at the largest size a list allows, with the request's sort, search and filters, until the last one.
     */
    public <E, V> void writeList(HttpServletResponse response, Format format, String baseName, String entityType,
            List<String> headers, ZoneId zone, ListRequest request, Function<ListRequest, CursorPage<E>> pages,
            Function<List<E>, List<V>> views, Function<? super V, List<?>> row) throws IOException {
        write(response, format, baseName, entityType, headers, zone, sink -> {
            String cursor = null;
            do {
                CursorPage<E> batch = pages.apply(
                        request.withPage(cursor, ListQuery.MAX_SIZE));
                views.apply(batch.items()).forEach(view -> sink.row(row.apply(view)));
                sink.endOfPage();
                cursor = batch.nextCursor();
            }
            while (cursor != null);
        });
    }

    private void writeCsv(OutputStream out, List<String> headers, ZoneId zone, Consumer<RowSink> rows, long[] count)
            throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
        printer.printRecord(headers.stream().map(Exports::neutralise).toList());
        readOnly.executeWithoutResult(status -> rows.accept(sink(values -> {
            try {
                printer.printRecord(values.stream().map(v -> neutralise(text(v, zone))).toList());
                count[0]++;
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })));
        printer.flush();
    }

    private void writeXlsx(OutputStream out, List<String> headers, ZoneId zone, Consumer<RowSink> rows, long[] count)
            throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            workbook.setCompressTempFiles(true);
            Sheet sheet = workbook.createSheet("export");
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            int[] next = { 1 };
            readOnly.executeWithoutResult(status -> rows.accept(sink(values -> {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    Cell cell = row.createCell(i);
                    if (value instanceof Number number && !(value instanceof java.math.BigDecimal)) {
                        cell.setCellValue(number.doubleValue());
                    }
                    else {
                        // Strings are stored as text cells, which Excel never evaluates; neutralise anyway so the
                        // value stays inert if the sheet is re-saved as CSV.
                        cell.setCellValue(neutralise(text(value, zone)));
                    }
                }
                count[0]++;
            })));
            workbook.write(out);
            workbook.dispose();
        }
    }

    static String text(Object value, ZoneId zone) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant instant) {
            return TIMESTAMP.format(instant.atZone(zone));
        }
        return value.toString();
    }

    /**
     * Prefixes text that spreadsheets would interpret as a formula ({@code = + - @}, tab, carriage return) with an
     * apostrophe, the OWASP-recommended defence against CSV injection.
     */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\uFF1D' || first == '\uFF0B' || first == '\uFF0D' || first == '\uFF20') {
            return "'" + value;
        }
        return value;
    }
}

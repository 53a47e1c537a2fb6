package org.openloop.crm.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.importing.internal.Cleaning;
import org.openloop.crm.importing.internal.ImportFiles;
import org.openloop.crm.importing.internal.ImportStore;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.platform.web.Permissions;
import org.openloop.crm.shared.Authorities;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CrmPrincipal;
import org.openloop.crm.shared.InvalidQueryException;
import org.openloop.crm.shared.RecordNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import jakarta.persistence.EntityManager;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Imports (B9). A file is uploaded and checked (type, size, rows, safe to read), stored under a generated name, and
 * becomes a job visible only to its creator and administrators (others get 404). Starting the job with a column
 * mapping, a {@link DuplicatePolicy} and optionally as a dry run queues it on the import executor, which streams the
 * file, cleans each cell and hands the rows to the record type's {@link ImportTarget} as the user who started it,
 * in chunks of {@code crm.import.chunk-size} rows (default 200) that share one transaction, because a transaction per
 * row made the commit the largest cost of a row. Each row still gets its own result, and a bad row never rolls back
 * good ones: a chunk with a failing row is rolled back and redone around it (see {@link #together}). Dry runs keep a
 * read-only transaction per row. Memory stays flat however long the file is. Progress and per-row results are stored
 * after each chunk; cancelling stops the job before its next row. Start and end are recorded in the audit trail;
 * created and updated records are audited by their own module as usual.
 */
@Service
public class ImportManagement {

    private static final Logger LOG = LoggerFactory.getLogger(ImportManagement.class);
    private static final List<Locale> HEADER_LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private final Map<String, ImportTarget> targets;
    private final ImportStore store;
    private final AuditTrail audit;
    private final Exports exports;
    private final MessageSource messages;
    private final TaskExecutor executor;
    private final TransactionTemplate rowTransaction;
    private final TransactionTemplate dryRunTransaction;
    private final Clock clock;
    private final Path directory;
    private final DataSize maxFileSize;
    private final int maxRows;
    private final int chunkSize;
    private final EntityManager entities;
    private final Set<UUID> cancelled = ConcurrentHashMap.newKeySet();

    ImportManagement(List<ImportTarget> targets, ImportStore store, AuditTrail audit, Exports exports,
            MessageSource messages, @Qualifier("importExecutor") TaskExecutor executor,
            PlatformTransactionManager transactions, Clock clock,
            @Value("${crm.import.directory:./data/imports}") Path directory,
            @Value("${crm.import.max-file-size:20MB}") DataSize maxFileSize,
            @Value("${crm.import.max-rows:50000}") int maxRows,
            @Value("${crm.import.chunk-size:200}") int chunkSize, EntityManager entities) {
        this.targets = targets.stream().collect(Collectors.toUnmodifiableMap(ImportTarget::recordType,
                Function.identity()));
        this.store = store;
        this.audit = audit;
        this.exports = exports;
        this.messages = messages;
        this.executor = executor;
        this.rowTransaction = new TransactionTemplate(transactions);
        this.rowTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.dryRunTransaction = new TransactionTemplate(transactions);
        this.dryRunTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.dryRunTransaction.setReadOnly(true);
        this.clock = clock;
        this.directory = directory.toAbsolutePath().normalize();
        this.maxFileSize = maxFileSize;
        this.maxRows = maxRows;
        this.chunkSize = Math.max(1, chunkSize);
        this.entities = entities;
    }

    // --- columns and templates --------------------------------------------------------------------------------

    /** The columns of a record type the caller may import. */
    public List<ImportColumn> columns(String recordType) {
        return importable(recordType).columns();
    }

    /** The header of a column in a language. */
    public String label(ImportColumn column, Locale locale) {
        if (column.labelKey() == null) {
            String english = column.labelEn() == null ? column.key() : column.labelEn();
            String chinese = column.labelZh() == null ? english : column.labelZh();
            return locale != null && "en".equals(locale.getLanguage()) ? english : chinese;
        }
        return messages.getMessage(column.labelKey(), null, column.key(), locale);
    }

    /** An empty file with the column headers in the caller's language: xlsx or CSV (UTF-8 with BOM). */
    public void template(String recordType, ImportFiles.Format format, Locale locale, OutputStream out)
            throws IOException {
        List<String> headers = importable(recordType).columns().stream()
                .map(c -> label(c, locale) + (c.required() ? " *" : "")).toList();
        if (format == ImportFiles.Format.CSV) {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
            printer.printRecord(headers);
            printer.flush();
            return;
        }
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(10)) {
            Sheet sheet = workbook.createSheet(recordType);
            Row row = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                row.createCell(i).setCellValue(headers.get(i));
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    // --- upload, mapping, start -------------------------------------------------------------------------------

    /**
     * Checks and stores an uploaded file and creates its job (status UPLOADED).
     *
     * @param encoding {@code auto} (or null), {@code UTF-8} or {@code GBK}; only for CSV
     * @throws BusinessRuleException (422) for a missing, empty, too large, unreadable or too long file
     */
    public ImportJobView upload(String recordType, String fileName, long declaredSize, InputStream content,
            String encoding) throws IOException {
        ImportTarget target = importable(recordType);
        ImportFiles.Format format = ImportFiles.Format.ofFileName(fileName);
        if (format == null) {
            throw BusinessRuleException.onField("file", "import.error.type");
        }
        if (declaredSize == 0) {
            throw BusinessRuleException.onField("file", "import.error.empty");
        }
        if (declaredSize > maxFileSize.toBytes()) {
            throw tooLarge();
        }
        Charset chosen;
        try {
            chosen = ImportFiles.charset(encoding);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidQueryException("encoding", "import.error.encoding", String.valueOf(encoding));
        }
        UUID id = UUID.randomUUID();
        String storageName = id + "." + format.name().toLowerCase(Locale.ROOT);
        Files.createDirectories(directory);
        Path file = directory.resolve(storageName);
        long size;
        try (InputStream limited = content) {
            size = Files.copy(new java.io.BufferedInputStream(limited), file, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            if (size == 0) {
                throw BusinessRuleException.onField("file", "import.error.empty");
            }
            if (size > maxFileSize.toBytes()) {
                throw tooLarge();
            }
            if (format == ImportFiles.Format.XLSX && !startsWithZip(file)) {
                throw BusinessRuleException.onField("file", "import.error.unreadable");
            }
            Charset charset = format == ImportFiles.Format.CSV ? (chosen != null ? chosen : ImportFiles.detect(file))
                    : null;
            ImportFiles.Inspection inspection;
            try {
                inspection = ImportFiles.inspect(file, format, charset, maxRows);
            }
            catch (ImportFiles.UnreadableFile e) {
                LOG.info("Refused import file '{}': {}", fileName, e.getMessage());
                throw BusinessRuleException.onField("file", "import.error.unreadable");
            }
            catch (ImportFiles.TooManyRows e) {
                throw BusinessRuleException.onField("file", "import.error.tooManyRows", maxRows);
            }
            if (inspection.headers().stream().allMatch(String::isBlank)) {
                throw BusinessRuleException.onField("file", "import.error.noHeader");
            }
            store.insert(id, target.recordType(), currentUser(), displayName(fileName), storageName, format.name(),
                    inspection.encoding(), inspection.headers(), inspection.rows(),
                    LocaleContextHolder.getLocale().toLanguageTag(), clock.instant());
        }
        catch (RuntimeException | IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return job(id);
    }

    /**
     * The mapping to offer for a job: the caller's last mapping for the record type where its headers are in this
     * file, otherwise a header equal to the column's key or its label in Chinese or English.
     */
    public Map<String, String> suggestedMapping(UUID jobId) {
        ImportJobView job = job(jobId);
        ImportTarget target = target(job.recordType());
        Map<String, String> remembered = store.mappingOf(currentUser(), job.recordType());
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String header : job.headers()) {
            byKey.putIfAbsent(Cleaning.headerKey(header), header);
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        for (ImportColumn column : target.columns()) {
            String previous = remembered.get(column.key());
            if (previous != null && job.headers().contains(previous)) {
                mapping.put(column.key(), previous);
                continue;
            }
            List<String> candidates = new ArrayList<>();
            candidates.add(column.key());
            HEADER_LANGUAGES.forEach(locale -> candidates.add(label(column, locale)));
            for (String candidate : candidates) {
                String header = byKey.get(Cleaning.headerKey(candidate));
                if (header != null) {
                    mapping.put(column.key(), header);
                    break;
                }
            }
        }
        return mapping;
    }

    /**
     * Starts an uploaded job. {@code mapping} maps column keys to headers of the file; every required column must be
     * mapped, and unknown columns or headers are refused (400). Policy UPDATE needs the edit permission as well.
     * The mapping is remembered for the caller's next import of this record type.
     */
    public ImportJobView start(UUID jobId, Map<String, String> mapping, DuplicatePolicy policy, boolean dryRun) {
        ImportStore.Job job = ownJob(jobId);
        ImportTarget target = importable(job.view().recordType());
        if (policy == null) {
            throw new InvalidQueryException("duplicatePolicy", "import.error.policy");
        }
        if (policy == DuplicatePolicy.UPDATE) {
            Permissions.require(target.permissionModule(), "edit");
        }
        Map<String, String> cleaned = new LinkedHashMap<>();
        Set<String> keys = target.columns().stream().map(ImportColumn::key).collect(Collectors.toSet());
        (mapping == null ? Map.<String, String>of() : mapping).forEach((key, header) -> {
            if (!keys.contains(key)) {
                throw new InvalidQueryException("mapping", "import.error.unknownColumn", key);
            }
            if (header == null || header.isBlank()) {
                return;
            }
            if (!job.view().headers().contains(header)) {
                throw new InvalidQueryException("mapping", "import.error.unknownHeader", header);
            }
            cleaned.put(key, header);
        });
        for (ImportColumn column : target.columns()) {
            if (column.required() && !cleaned.containsKey(column.key())) {
                throw new InvalidQueryException("mapping", "import.error.requiredColumn",
                        label(column, LocaleContextHolder.getLocale()));
            }
        }
        if (job.view().status() != ImportStatus.UPLOADED || !store.queue(jobId, cleaned, policy, dryRun)) {
            throw BusinessRuleException.conflict(null, "import.error.started");
        }
        UUID user = currentUser();
        store.rememberMapping(user, target.recordType(), cleaned, clock.instant());
        audit.record(AuditAction.CREATE, "import", jobId, null, null, null, target.recordType() + ": "
                + job.view().fileName() + " (" + policy + (dryRun ? ", dry run" : "") + ", "
                + job.view().totalRows() + " rows)");
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Locale locale = LocaleContextHolder.getLocale();
        executor.execute(() -> runAs(authentication, locale, () -> run(jobId)));
        return job(jobId);
    }

    // --- reading jobs -----------------------------------------------------------------------------------------

    /** A job of the caller (administrators see every job); 404 otherwise. */
    public ImportJobView job(UUID jobId) {
        return ownJob(jobId).view();
    }

    /** The caller's latest jobs of a record type, newest first. */
    public List<ImportJobView> recentJobs(String recordType) {
        return store.recentOf(currentUser(), target(recordType).recordType(), 20).stream()
                .map(id -> store.find(id).orElseThrow().view()).toList();
    }

    /** Row results of a job after row number {@code afterRow}, at most {@code limit} (≤ 500). */
    public List<ImportRowView> rows(UUID jobId, int afterRow, int limit) {
        ownJob(jobId);
        return store.rows(jobId, Math.max(afterRow, 0), Math.max(1, Math.min(limit, 500)));
    }

    /** Cancels a job that has not finished; it stops before its next row. */
    public ImportJobView cancel(UUID jobId) {
        ImportStore.Job job = ownJob(jobId);
        if (job.view().status().finished()) {
            throw BusinessRuleException.conflict(null, "import.error.finished");
        }
        if (job.view().status() != ImportStatus.UPLOADED) {
            cancelled.add(jobId);
        }
        store.cancel(jobId, clock.instant());
        return job(jobId);
    }

    /** The per-row report as xlsx (streaming, text neutralised against formula injection). */
    public void report(UUID jobId, ZoneId zone, Locale locale, HttpServletResponse response) throws IOException {
        ImportJobView job = job(jobId);
        List<String> headers = List.of(messages.getMessage("import.report.row", null, locale),
                messages.getMessage("import.report.outcome", null, locale),
                messages.getMessage("import.report.record", null, locale),
                messages.getMessage("import.report.message", null, locale));
        exports.write(response, Exports.Format.XLSX, "import-" + job.recordType(), "import", headers, zone, sink -> {
            int after = 0;
            while (true) {
                List<ImportRowView> batch = store.rows(jobId, after, 500);
                for (ImportRowView row : batch) {
                    sink.row(List.of(row.rowNumber(),
                            messages.getMessage("import.outcome." + row.outcome(), null, locale),
                            row.recordId() == null ? "" : row.recordId().toString(),
                            row.message() == null ? "" : row.message()));
                }
                sink.endOfPage();
                if (batch.size() < 500) {
                    break;
                }
                after = batch.get(batch.size() - 1).rowNumber();
            }
        });
    }

    /** The largest file accepted ({@code crm.import.max-file-size}). */
    public DataSize maxFileSize() {
        return maxFileSize;
    }

    public int maxRows() {
        return maxRows;
    }

    // --- running ----------------------------------------------------------------------------------------------

    private void run(UUID jobId) {
        ImportStore.Job job = store.find(jobId).orElseThrow();
        ImportJobView view = job.view();
        Path file = directory.resolve(job.storageName());
        if (!store.running(jobId, clock.instant())) {
            cancelled.remove(jobId);
            delete(file);
            return;
        }
        ImportTarget target = targets.get(view.recordType());
        List<ImportColumn> columns = target.columns();
        Map<String, Integer> positions = new LinkedHashMap<>();
        view.mapping().forEach((key, header) -> positions.put(key, view.headers().indexOf(header)));
        Map<String, ImportColumn> byKey = columns.stream()
                .collect(Collectors.toMap(ImportColumn::key, Function.identity()));
        JobRun run = new JobRun(jobId, target, view.duplicatePolicy(), view.dryRun(), LocaleContextHolder.getLocale());
        List<ImportRow> chunk = new ArrayList<>(chunkSize);
        ImportStatus end = ImportStatus.DONE;
        String failure = null;
        try {
            Charset charset = view.encoding() == null ? null : Charset.forName(view.encoding());
            ImportFiles.read(file, ImportFiles.Format.valueOf(view.format()), charset, (number, cells) -> {
                if (run.cancelled()) {
                    throw new ImportFiles.StopReading();
                }
                Map<String, String> values = new LinkedHashMap<>();
                positions.forEach((key, index) -> values.put(key, index < cells.size()
                        ? Cleaning.clean(cells.get(index), byKey.get(key).cleaning()) : null));
                chunk.add(new ImportRow(number, values));
                if (chunk.size() >= chunkSize) {
                    boolean stop = runChunk(run, chunk);
                    chunk.clear();
                    if (stop) {
                        throw new ImportFiles.StopReading();
                    }
                }
            });
            if (!chunk.isEmpty() && !run.cancelled()) {
                runChunk(run, chunk);
            }
        }
        catch (ImportFiles.UnreadableFile | RuntimeException e) {
            LOG.warn("Import {} failed", jobId, e);
            end = ImportStatus.FAILED;
            failure = e.getMessage();
        }
        finally {
            try {
                store.progress(jobId, run.pending, run.processed, run.counts);
                boolean wasCancelled = cancelled.remove(jobId) || store.status(jobId) == ImportStatus.CANCELLED;
                ImportStatus status = wasCancelled ? ImportStatus.CANCELLED : end;
                int[] counts = run.counts;
                // audited before the job shows as finished, so whoever sees it finished also finds the entry
                try {
                    audit.record(AuditAction.UPDATE, "import", jobId, "status", ImportStatus.RUNNING.name(),
                            status.name(), String.format(Locale.ROOT, "%d rows: %d created, %d updated, %d skipped, "
                                    + "%d errors%s", run.processed, counts[0], counts[1], counts[2], counts[3],
                                    view.dryRun() ? " (dry run)" : ""));
                }
                catch (RuntimeException e) {
                    LOG.error("Could not audit the end of import {}", jobId, e);
                }
                store.finish(jobId, status, failure, clock.instant());
            }
            finally {
                delete(file);
            }
        }
    }

    /** What a running job has done so far; used by the import thread only. */
    private final class JobRun {

        final UUID jobId;
        final ImportTarget target;
        final DuplicatePolicy policy;
        final boolean dryRun;
        final Locale locale;
        final List<ImportStore.Result> pending = new ArrayList<>();
        final int[] counts = new int[RowOutcome.values().length];
        int processed;

        JobRun(UUID jobId, ImportTarget target, DuplicatePolicy policy, boolean dryRun, Locale locale) {
            this.jobId = jobId;
            this.target = target;
            this.policy = policy;
            this.dryRun = dryRun;
            this.locale = locale;
        }

        boolean cancelled() {
            return cancelled.contains(jobId);
        }

        void add(ImportRow row, RowResult result) {
            counts[result.outcome().ordinal()]++;
            processed++;
            pending.add(new ImportStore.Result(row.number(), result.outcome(), result.recordId(),
                    result.messageKey() == null ? null : messages.getMessage(new DefaultMessageSourceResolvable(
                            new String[] { result.messageKey() }, result.arguments().toArray(),
                            result.messageKey()), locale)));
        }
    }

    /**
     * Runs one chunk of rows and stores their results and the counts; answers whether the job is to stop (cancelled
     * here or, seen through the stored status, on another instance). A cancel stops the chunk before its next row.
     */
    private boolean runChunk(JobRun run, List<ImportRow> rows) {
        List<RowResult> results = run.dryRun ? oneByOne(run, rows) : together(run, rows);
        for (int i = 0; i < results.size(); i++) {
            run.add(rows.get(i), results.get(i));
        }
        boolean stop = store.progress(run.jobId, run.pending, run.processed, run.counts);
        run.pending.clear();
        if (stop) {
            cancelled.add(run.jobId);
        }
        return run.cancelled();
    }

    /** Each row in its own transaction (dry runs, and rows that failed inside a chunk). */
    private List<RowResult> oneByOne(JobRun run, List<ImportRow> rows) {
        List<RowResult> results = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            if (run.cancelled()) {
                break;
            }
            results.add(process(run.target, row, run.policy, run.dryRun));
        }
        return results;
    }

    /**
     * The rows of a chunk in one transaction, with the persistence context flushed after each row so the next row's
     * lookups (duplicates within the file) see what it wrote and a database refusal is laid at the right row, and then
     * cleared, since every query's automatic flush checks each entity still held, which grew with the chunk. When a
     * row throws, or reports an error its target does not promise to have decided before writing, the chunk is rolled
     * back; the rows before it are redone together, it is redone alone in its own transaction (as every row was once),
     * and the rows after it go on as a chunk. So a bad row never loses the good rows around it, and gets the same
     * result as on its own; rows before it just run twice.
     */
    private List<RowResult> together(JobRun run, List<ImportRow> rows) {
        List<RowResult> inOneGo = inOneGo(run, rows);
        if (inOneGo != null) {
            return inOneGo;
        }
        List<RowResult> results = new ArrayList<>(rows.size());
        int from = 0;
        while (from < rows.size() && !run.cancelled()) {
            Attempt attempt = attempt(run, rows.subList(from, rows.size()));
            if (attempt.committed() != null) {
                results.addAll(attempt.committed());
                from += attempt.committed().size();
                continue;
            }
            if (attempt.failedAt() < 0) {
                // the commit itself failed, so no row is to blame: every row on its own, as before chunks
                results.addAll(oneByOne(run, rows.subList(from, rows.size())));
                break;
            }
            int failed = from + attempt.failedAt();
            results.addAll(together(run, rows.subList(from, failed)));
            if (results.size() < failed || run.cancelled()) {
                break;
            }
            results.add(process(run.target, rows.get(failed), run.policy, false));
            from = failed + 1;
        }
        return results;
    }

    /**
     * The whole chunk through {@link ImportTarget#writeAll}, in one transaction; {@code null} when the target writes
     * row by row, or when anything failed (nothing is then kept, and the chunk goes row by row).
     */
    private List<RowResult> inOneGo(JobRun run, List<ImportRow> rows) {
        if (rows.isEmpty() || run.cancelled()) {
            return null;
        }
        try {
            return rowTransaction.execute(status -> {
                List<RowResult> results = run.target.writeAll(rows, run.policy);
                if (results == null) {
                    return null;
                }
                entities.flush();
                entities.clear();
                boolean undecided = results.stream().anyMatch(r -> r == null
                        || r.outcome() == RowOutcome.ERROR && !run.target.errorsWriteNothing());
                if (results.size() != rows.size() || undecided || status.isRollbackOnly()) {
                    status.setRollbackOnly();
                    return null;
                }
                return results;
            });
        }
        catch (RuntimeException e) {
            LOG.info("Import {}: a chunk of {} rows from row {} could not be written at once, its rows run one by one: {}",
                    run.jobId, rows.size(), rows.get(0).number(), e.toString());
            return null;
        }
    }

    /**
     * One try at rows in one transaction: either {@code committed} holds the results of the rows written (all of
     * them unless a cancel came first), or nothing was written and {@code failedAt} is the index of the row that
     * failed ({@code -1} when the commit failed).
     */
    private record Attempt(List<RowResult> committed, int failedAt) {
    }

    private Attempt attempt(JobRun run, List<ImportRow> rows) {
        List<RowResult> results = new ArrayList<>(rows.size());
        int[] failedAt = { -1 };
        try {
            rowTransaction.executeWithoutResult(status -> {
                for (ImportRow row : rows) {
                    if (run.cancelled()) {
                        return;
                    }
                    RowResult result;
                    try {
                        result = run.target.write(row, run.policy);
                        entities.flush();
                        entities.clear();
                    }
                    catch (RuntimeException e) {
                        result = null;
                    }
                    // rollback-only: the row caught a refusal of a facade whose transaction it shares
                    if (result == null || status.isRollbackOnly() || result.outcome() == RowOutcome.ERROR
                            && !run.target.errorsWriteNothing()) {
                        failedAt[0] = results.size();
                        status.setRollbackOnly();
                        return;
                    }
                    results.add(result);
                }
            });
        }
        catch (RuntimeException e) {
            LOG.info("Import {}: a chunk of {} rows from row {} could not be committed, its rows run one by one: {}",
                    run.jobId, rows.size(), rows.get(0).number(), e.toString());
            return new Attempt(null, -1);
        }
        return failedAt[0] < 0 ? new Attempt(results, -1) : new Attempt(null, failedAt[0]);
    }

    /** One row in its own transaction; anything thrown rolls the row back and becomes an error row. */
    private RowResult process(ImportTarget target, ImportRow row, DuplicatePolicy policy, boolean dryRun) {
        try {
            TransactionTemplate transaction = dryRun ? dryRunTransaction : rowTransaction;
            RowResult result = transaction.execute(status -> {
                RowResult r = dryRun ? target.validate(row, policy) : target.write(row, policy);
                if (dryRun || r.outcome() == RowOutcome.ERROR) {
                    status.setRollbackOnly();
                }
                return r;
            });
            return result == null ? RowResult.error("import.error.unexpected") : result;
        }
        catch (BusinessRuleException e) {
            return RowResult.error(e.messageKey(), e.arguments());
        }
        catch (RecordNotFoundException e) {
            return RowResult.error("import.error.notVisible");
        }
        catch (AccessDeniedException e) {
            return RowResult.error("import.error.denied");
        }
        catch (org.springframework.dao.DataIntegrityViolationException e) {
            LOG.info("Import row {} refused by the database: {}", row.number(), e.getMostSpecificCause().getMessage());
            return RowResult.error("import.error.database");
        }
        catch (RuntimeException e) {
            LOG.warn("Import row {} failed", row.number(), e);
            return RowResult.error("import.error.unexpected");
        }
    }

    private static void runAs(Authentication authentication, Locale locale, Runnable work) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        LocaleContextHolder.setLocale(locale);
        try {
            work.run();
        }
        catch (RuntimeException e) {
            LOG.error("Import job crashed", e);
        }
        finally {
            SecurityContextHolder.clearContext();
            LocaleContextHolder.resetLocaleContext();
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private ImportTarget target(String recordType) {
        ImportTarget target = recordType == null ? null : targets.get(recordType);
        if (target == null) {
            throw new RecordNotFoundException("import target", recordType);
        }
        return target;
    }

    /** The target, if the caller may create its records (403 otherwise). */
    private ImportTarget importable(String recordType) {
        ImportTarget target = target(recordType);
        Permissions.require(target.permissionModule(), "create");
        return target;
    }

    private ImportStore.Job ownJob(UUID jobId) {
        ImportStore.Job job = store.find(jobId).orElseThrow(() -> new RecordNotFoundException("import", jobId));
        UUID user = currentUser();
        if (!job.createdBy().equals(user) && !isAdmin()) {
            throw new RecordNotFoundException("import", jobId);
        }
        return job;
    }

    private static boolean isAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> Authorities.ADMIN.equals(a.getAuthority()));
    }

    private static UUID currentUser() {
        return CrmPrincipal.current().map(CrmPrincipal::userId)
                .orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    private BusinessRuleException tooLarge() {
        return BusinessRuleException.onField("file", "import.error.tooLarge", maxFileSize.toMegabytes() + " MB");
    }

    private static boolean startsWithZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    private static String displayName(String fileName) {
        String name = fileName == null ? "import" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        return name.isEmpty() ? "import" : name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            LOG.warn("Could not remove import file {}", file, e);
        }
    }
}

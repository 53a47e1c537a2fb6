package org.openloop.crm.importing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openloop.crm.importing.DuplicatePolicy;
import org.openloop.crm.importing.ImportJobView;
import org.openloop.crm.importing.ImportRowView;
import org.openloop.crm.importing.ImportStatus;
import org.openloop.crm.importing.RowOutcome;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import tables (V20): jobs, per-row results and remembered mappings, written with plain JDBC because rows are
 * many and small, and progress is updated often. Each method runs in the caller's transaction, or alone.
 */
@Component
public class ImportStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, record_type, created_by, file_name, storage_name, file_format, "
            + "encoding, "
            + "headers, mapping, duplicate_policy, dry_run, status, total_rows, processed_rows, created_count, "
            + "updated_count, skipped_count, error_count, locale, failure, created_at, started_at, finished_at";

    /** A job row with what the facade needs beyond its view. */
    public record Job(ImportJobView view, UUID createdBy, String storageName, String locale) {
    }

    /** One row's result waiting to be stored. */
    public record Result(int rowNumber, RowOutcome outcome, UUID recordId, String message) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ImportStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public void insert(UUID id, String recordType, UUID createdBy, String fileName, String storageName,
            String format, String encoding, List<String> headers, int totalRows, String locale, Instant now) {
        jdbc.sql("insert into import_job (id, record_type, created_by, file_name, storage_name, file_format, encoding, "
                + "headers, status, total_rows, locale, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, recordType, createdBy, fileName, storageName, format, encoding,
                        JSON.writeValueAsString(headers), ImportStatus.UPLOADED.name(), totalRows, locale,
                        Timestamp.from(now))
                .update();
    }

    public Optional<Job> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from import_job where id = ?").param(id)
                .query((rs, n) -> new Job(new ImportJobView(rs.getObject("id", UUID.class), rs.getString("record_type"),
                        rs.getString("file_name"), rs.getString("file_format"), rs.getString("encoding"),
                        JSON.readValue(rs.getString("headers"), new TypeReference<List<String>>() { }),
                        rs.getString("mapping") == null ? Map.of() : readMapping(rs.getString("mapping")),
                        rs.getString("duplicate_policy") == null ? null
                                : DuplicatePolicy.valueOf(rs.getString("duplicate_policy")),
                        rs.getBoolean("dry_run"), ImportStatus.valueOf(rs.getString("status")), rs.getInt("total_rows"),
                        rs.getInt("processed_rows"), rs.getInt("created_count"), rs.getInt("updated_count"),
                        rs.getInt("skipped_count"), rs.getInt("error_count"), rs.getString("failure"),
                        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                        instant(rs.getTimestamp("finished_at"))),
                        rs.getObject("created_by", UUID.class), rs.getString("storage_name"), rs.getString("locale")))
                .optional();
    }

    public List<UUID> recentOf(UUID userId, String recordType, int limit) {
        return jdbc.sql("select id from import_job where created_by = ? and record_type = ? "
                + "order by created_at desc, id desc limit " + limit)
                .params(userId, recordType).query(UUID.class).list();
    }

    /** UPLOADED → QUEUED with the options; false when the job was not waiting any more. */
    public boolean queue(UUID id, Map<String, String> mapping, DuplicatePolicy policy, boolean dryRun) {
        return jdbc.sql("update import_job set status = ?, mapping = ?, duplicate_policy = ?, dry_run = ? "
                + "where id = ? and status = ?")
                .params(ImportStatus.QUEUED.name(), JSON.writeValueAsString(mapping), policy.name(), dryRun, id,
                        ImportStatus.UPLOADED.name())
                .update() == 1;
    }

    public boolean running(UUID id, Instant now) {
        return jdbc.sql("update import_job set status = ?, started_at = ? where id = ? and status = ?")
                .params(ImportStatus.RUNNING.name(), Timestamp.from(now), id, ImportStatus.QUEUED.name())
                .update() == 1;
    }

    /** Stores results and the counts so far; answers whether the job was cancelled meanwhile. */
    public boolean progress(UUID id, List<Result> results, int processed, int[] counts) {
        if (!results.isEmpty()) {
            template.batchUpdate("insert into import_row_result (job_id, row_number, outcome, record_id, message) "
                    + "values (?, ?, ?, ?, ?)", results, results.size(), (ps, r) -> {
                        ps.setObject(1, id);
                        ps.setInt(2, r.rowNumber());
                        ps.setString(3, r.outcome().name());
                        ps.setObject(4, r.recordId());
                        ps.setString(5, r.message() == null ? null : abbreviate(r.message(), 1000));
                    });
        }
        jdbc.sql("update import_job set processed_rows = ?, created_count = ?, updated_count = ?, skipped_count = ?, "
                + "error_count = ? where id = ?")
                .params(processed, counts[0], counts[1], counts[2], counts[3], id).update();
        return status(id) == ImportStatus.CANCELLED;
    }

    public ImportStatus status(UUID id) {
        return ImportStatus.valueOf(jdbc.sql("select status from import_job where id = ?").param(id)
                .query(String.class).single());
    }

    /** Ends a job unless it was cancelled already (then only the finish time is set). */
    public void finish(UUID id, ImportStatus status, String failure, Instant now) {
        jdbc.sql("update import_job set status = case when status = 'CANCELLED' then status else ? end, "
                + "failure = ?, finished_at = ? where id = ?")
                .params(status.name(), failure == null ? null : abbreviate(failure, 500), Timestamp.from(now), id)
                .update();
    }

    /**
     * UPLOADED, QUEUED or RUNNING → CANCELLED. A running job gets its finish time from the worker once it has
     * stopped, so it counts as finished only when its counts are final.
     */
    public boolean cancel(UUID id, Instant now) {
        return jdbc.sql("update import_job set status = ?, finished_at = case when status = 'RUNNING' then null "
                + "else cast(? as timestamp with time zone) end where id = ? and status in (?, ?, ?)")
                .params(ImportStatus.CANCELLED.name(), Timestamp.from(now), id, ImportStatus.UPLOADED.name(),
                        ImportStatus.QUEUED.name(), ImportStatus.RUNNING.name())
                .update() == 1;
    }

    /** Jobs left QUEUED or RUNNING by a stopped application. */
    public int failInterrupted(String failure, Instant now) {
        return jdbc.sql("update import_job set status = ?, failure = ?, finished_at = ? where status in (?, ?)")
                .params(ImportStatus.FAILED.name(), failure, Timestamp.from(now), ImportStatus.QUEUED.name(),
                        ImportStatus.RUNNING.name())
                .update();
    }

    public List<ImportRowView> rows(UUID id, int afterRow, int limit) {
        return jdbc.sql("select row_number, outcome, record_id, message from import_row_result "
                + "where job_id = ? and row_number > ? order by row_number limit " + limit)
                .params(id, afterRow)
                .query((rs, n) -> new ImportRowView(rs.getInt(1), RowOutcome.valueOf(rs.getString(2)),
                        rs.getObject(3, UUID.class), rs.getString(4)))
                .list();
    }

    public Map<String, String> mappingOf(UUID userId, String recordType) {
        return jdbc.sql("select mapping from import_mapping where user_id = ? and record_type = ?")
                .params(userId, recordType).query(String.class).optional().map(ImportStore::readMapping)
                .orElse(Map.of());
    }

    public void rememberMapping(UUID userId, String recordType, Map<String, String> mapping, Instant now) {
        String text = JSON.writeValueAsString(mapping);
        int updated = jdbc.sql("update import_mapping set mapping = ?, updated_at = ? "
                + "where user_id = ? and record_type = ?")
                .params(text, Timestamp.from(now), userId, recordType).update();
        if (updated == 0) {
            jdbc.sql("insert into import_mapping (user_id, record_type, mapping, updated_at) values (?, ?, ?, ?)")
                    .params(userId, recordType, text, Timestamp.from(now)).update();
        }
    }

    private static Map<String, String> readMapping(String text) {
        return JSON.readValue(text, new TypeReference<LinkedHashMap<String, String>>() { });
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

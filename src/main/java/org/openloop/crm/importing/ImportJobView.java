package org.openloop.crm.importing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An import job as its creator sees it (B9). {@code headers} are the file's header cells; {@code mapping} maps a
 * column key of the target to the header it is read from (after {@code start}); counts grow while the job runs.
 */
public record ImportJobView(UUID id, String recordType, String fileName, String format, String encoding,
        List<String> headers, Map<String, String> mapping, DuplicatePolicy duplicatePolicy, boolean dryRun,
        ImportStatus status, int totalRows, int processedRows, int created, int updated, int skipped, int errors,
        String failure, Instant createdAt, Instant startedAt, Instant finishedAt) {

    /** Done, failed or cancelled, and stopped: nothing will change any more. */
    @JsonProperty("finished")
    public boolean finished() {
        return status.finished() && finishedAt != null;
    }

    /** Processed rows as a whole percentage of all rows. */
    @JsonProperty("percent")
    public int percent() {
        if (status == ImportStatus.DONE) {
            return 100;
        }
        return totalRows == 0 ? 0 : (int) Math.min(100, processedRows * 100L / totalRows);
    }
}

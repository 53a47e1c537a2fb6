package org.openloop.crm.importing.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.importing.DuplicatePolicy;
import org.openloop.crm.importing.ImportJobView;
import org.openloop.crm.importing.ImportManagement;
import org.openloop.crm.importing.ImportRowView;
import org.openloop.crm.importing.internal.ImportFiles;
import org.openloop.crm.shared.InvalidQueryException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Imports over REST (B9): upload a file, start it with a column mapping, follow its progress, read or download the
 * per-row report. Jobs are visible to their creator (and administrators) only; anyone else gets 404.
 */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports")
class ImportApiController {

    /** The column a target accepts, with its header in the caller's language. */
    record ColumnView(String key, String label, boolean required) {
    }

    /** An uploaded job and the mapping the caller would be offered (remembered or matched by header). */
    record UploadView(ImportJobView job, Map<String, String> suggestedMapping) {
    }

    /** How to run a job: column key → header of the file, duplicate policy, dry run. */
    record StartRequest(Map<String, String> mapping, DuplicatePolicy duplicatePolicy, boolean dryRun) {
    }

    private final ImportManagement imports;
    private final ZoneId zone;

    ImportApiController(ImportManagement imports, @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.imports = imports;
        this.zone = zone;
    }

    @GetMapping("/{recordType}/columns")
    @Operation(summary = "The columns a file may have", description = "Needs <module>:create of the record type.")
    List<ColumnView> columns(@PathVariable String recordType, Locale locale) {
        return imports.columns(recordType).stream()
                .map(c -> new ColumnView(c.key(), imports.label(c, locale), c.required())).toList();
    }

    @GetMapping("/{recordType}/template")
    @Operation(summary = "An empty file with the column headers in the caller's language", description = "format "
            + "xlsx (default) or csv (UTF-8 with BOM). Required columns are marked with *.")
    void template(@PathVariable String recordType, @RequestParam(defaultValue = "xlsx") String format, Locale locale,
            HttpServletResponse response) throws IOException {
        sendTemplate(imports, recordType, format, locale, response);
    }

    /** Shared with the pages: the template as a download. */
    static void sendTemplate(ImportManagement imports, String recordType, String format, Locale locale,
            HttpServletResponse response) throws IOException {
        ImportFiles.Format chosen = ImportFiles.Format.ofFileName("template." + format);
        if (chosen == null) {
            throw new InvalidQueryException("format", "import.error.format", format);
        }
        imports.columns(recordType);
        response.setContentType(chosen == ImportFiles.Format.CSV ? "text/csv;charset=UTF-8"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(recordType + "-import-template." + format.toLowerCase(Locale.ROOT), StandardCharsets.UTF_8)
                .build().toString());
        imports.template(recordType, chosen, locale, response.getOutputStream());
    }

    @PostMapping(path = "/{recordType}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a file (xlsx or csv) to import", description = "Multipart field file, optional "
            + "encoding (auto, UTF-8 or GBK; CSV only). The file is checked in full (type, size, row limit, safe to "
            + "read) and kept until the job has run. Answers the job (status UPLOADED) and a suggested mapping.")
    ResponseEntity<UploadView> upload(@PathVariable String recordType, @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String encoding) throws IOException {
        try (InputStream content = file.getInputStream()) {
            ImportJobView job = imports.upload(recordType, file.getOriginalFilename(), file.getSize(), content,
                    encoding);
            return ResponseEntity.created(URI.create("/api/v1/imports/jobs/" + job.id()))
                    .body(new UploadView(job, imports.suggestedMapping(job.id())));
        }
    }

    @GetMapping("/{recordType}/jobs")
    @Operation(summary = "The caller's latest import jobs of a record type, newest first")
    List<ImportJobView> recent(@PathVariable String recordType) {
        return imports.recentJobs(recordType);
    }

    @GetMapping("/jobs/{id}")
    @Operation(summary = "A job with its progress and counts")
    ImportJobView job(@PathVariable UUID id) {
        return imports.job(id);
    }

    @PostMapping("/jobs/{id}/start")
    @Operation(summary = "Start an uploaded job", description = "mapping: column key → header of the file (unknown "
            + "keys or headers and unmapped required columns answer 400); duplicatePolicy SKIP, UPDATE (needs "
            + "<module>:edit) or CREATE; dryRun checks every row and writes nothing. Answers 202; poll the job.")
    ResponseEntity<ImportJobView> start(@PathVariable UUID id, @RequestBody StartRequest request) {
        return ResponseEntity.accepted()
                .body(imports.start(id, request.mapping(), request.duplicatePolicy(), request.dryRun()));
    }

    @PostMapping("/jobs/{id}/cancel")
    @Operation(summary = "Cancel a job; it stops before its next row (rows already written stay)")
    ImportJobView cancel(@PathVariable UUID id) {
        return imports.cancel(id);
    }

    @GetMapping("/jobs/{id}/rows")
    @Operation(summary = "Per-row results in file order", description = "after: the last row number already read; "
            + "size ≤ 500.")
    List<ImportRowView> rows(@PathVariable UUID id, @RequestParam(defaultValue = "0") int after,
            @RequestParam(defaultValue = "100") int size) {
        return imports.rows(id, after, size);
    }

    @GetMapping("/jobs/{id}/report")
    @Operation(summary = "The per-row report as xlsx")
    void report(@PathVariable UUID id, Locale locale, HttpServletResponse response) throws IOException {
        imports.report(id, zone, locale, response);
    }
}

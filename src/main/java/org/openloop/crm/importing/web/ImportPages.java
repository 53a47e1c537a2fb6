package org.openloop.crm.importing.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.importing.DuplicatePolicy;
import org.openloop.crm.importing.ImportColumn;
import org.openloop.crm.importing.ImportJobView;
import org.openloop.crm.importing.ImportManagement;
import org.openloop.crm.importing.ImportStatus;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.InvalidQueryException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The import pages (B9): upload (with template downloads and the latest jobs), column mapping with options, and
 * the job page whose progress fragment polls itself every second (htmx) until the job has finished.
 */
@Controller
class ImportPages {

    /** One row of the mapping form: the column, its header in the user's language, and the header chosen. */
    record MappingRow(ImportColumn column, String label, String selected) {
    }

    private final ImportManagement imports;
    private final ZoneId zone;

    ImportPages(ImportManagement imports, @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.imports = imports;
        this.zone = zone;
    }

    @GetMapping("/imports/{recordType}")
    String upload(@PathVariable String recordType, Model model) {
        return uploadPage(recordType, model);
    }

    @GetMapping("/imports/{recordType}/template")
    void template(@PathVariable String recordType, @RequestParam(defaultValue = "xlsx") String format, Locale locale,
            HttpServletResponse response) throws IOException {
        ImportApiController.sendTemplate(imports, recordType, format, locale, response);
    }

    @PostMapping("/imports/{recordType}")
    String uploaded(@PathVariable String recordType, @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String encoding, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("errorKey", "import.error.missing");
            return uploadPage(recordType, model);
        }
        try (InputStream content = file.getInputStream()) {
            ImportJobView job = imports.upload(recordType, file.getOriginalFilename(), file.getSize(), content,
                    encoding);
            return "redirect:/imports/" + recordType + "/jobs/" + job.id() + "/mapping";
        }
        catch (BusinessRuleException e) {
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
        }
        catch (InvalidQueryException e) {
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
        }
        return uploadPage(recordType, model);
    }

    @GetMapping("/imports/{recordType}/jobs/{id}/mapping")
    String mapping(@PathVariable String recordType, @PathVariable UUID id, Locale locale, Model model) {
        ImportJobView job = imports.job(id);
        if (job.status() != ImportStatus.UPLOADED) {
            return "redirect:/imports/" + recordType + "/jobs/" + id;
        }
        return mappingPage(job, imports.suggestedMapping(id), DuplicatePolicy.SKIP, false, locale, model);
    }

    @PostMapping("/imports/{recordType}/jobs/{id}/start")
    String start(@PathVariable String recordType, @PathVariable UUID id, @RequestParam Map<String, String> form,
            Locale locale, Model model) {
        Map<String, String> mapping = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("map.") && value != null && !value.isBlank()) {
                mapping.put(name.substring(4), value);
            }
        });
        DuplicatePolicy policy;
        try {
            policy = DuplicatePolicy.valueOf(form.getOrDefault("duplicatePolicy", "SKIP"));
        }
        catch (IllegalArgumentException e) {
            policy = DuplicatePolicy.SKIP;
        }
        boolean dryRun = form.containsKey("dryRun");
        try {
            imports.start(id, mapping, policy, dryRun);
            return "redirect:/imports/" + recordType + "/jobs/" + id;
        }
        catch (InvalidQueryException e) {
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
        }
        catch (BusinessRuleException e) {
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
        }
        return mappingPage(imports.job(id), mapping, policy, dryRun, locale, model);
    }

    @GetMapping("/imports/{recordType}/jobs/{id}")
    String job(@PathVariable String recordType, @PathVariable UUID id, Model model) {
        ImportJobView job = imports.job(id);
        model.addAttribute("job", job);
        model.addAttribute("recordType", job.recordType());
        model.addAttribute("rows", job.finished() ? imports.rows(id, 0, 200) : List.of());
        return "importing/job";
    }

    @GetMapping("/imports/jobs/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        ImportJobView job = imports.job(id);
        model.addAttribute("job", job);
        model.addAttribute("recordType", job.recordType());
        return "importing/job :: progress";
    }

    @PostMapping("/imports/jobs/{id}/cancel")
    String cancel(@PathVariable UUID id) {
        ImportJobView job = imports.job(id);
        if (!job.finished()) {
            imports.cancel(id);
        }
        return "redirect:/imports/" + job.recordType() + "/jobs/" + id;
    }

    @GetMapping("/imports/jobs/{id}/report")
    void report(@PathVariable UUID id, Locale locale, HttpServletResponse response) throws IOException {
        imports.report(id, zone, locale, response);
    }

    private String uploadPage(String recordType, Model model) {
        List<ImportColumn> columns = imports.columns(recordType);
        model.addAttribute("recordType", recordType);
        model.addAttribute("columns", columns);
        model.addAttribute("columnLabels", columns.stream()
                .map(c -> imports.label(c, org.springframework.context.i18n.LocaleContextHolder.getLocale())).toList());
        model.addAttribute("jobs", imports.recentJobs(recordType));
        model.addAttribute("maxSize", imports.maxFileSize().toMegabytes() + " MB");
        model.addAttribute("maxRows", imports.maxRows());
        return "importing/upload";
    }

    private String mappingPage(ImportJobView job, Map<String, String> mapping, DuplicatePolicy policy,
            boolean dryRun, Locale locale, Model model) {
        model.addAttribute("job", job);
        model.addAttribute("recordType", job.recordType());
        model.addAttribute("mappingRows", imports.columns(job.recordType()).stream()
                .map(c -> new MappingRow(c, imports.label(c, locale), mapping.get(c.key()))).toList());
        model.addAttribute("policies", DuplicatePolicy.values());
        model.addAttribute("policy", policy);
        model.addAttribute("dryRun", dryRun);
        return "importing/mapping";
    }
}

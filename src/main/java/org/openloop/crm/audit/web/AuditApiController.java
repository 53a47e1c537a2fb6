package org.openloop.crm.audit.web;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.openloop.crm.audit.AuditEntry;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** The audit trail over REST (A6), for auditors. */
@RestController
@RequestMapping("/api/v1/audit-events")
@Tag(name = "Audit")
class AuditApiController {

    static final List<String> EXPORT_HEADERS = List.of("occurredAt", "actor", "action", "entityType", "entityId",
            "field", "oldValue", "newValue", "detail", "remoteAddress");

    private final AuditTrail audit;
    private final ZoneId zone;

    AuditApiController(AuditTrail audit, @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.audit = audit;
        this.zone = zone;
    }

    @GetMapping
    @Operation(summary = "Search the audit trail", description = "Filters: action, entityType, entityId, actorId, "
            + "actorName, from, before (ISO date or instant); q searches actor and detail; keyset paging.")
    CursorPage<AuditEntry> search(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return audit.search(ListRequest.from(parameters));
    }

    @GetMapping("/export")
    @Operation(summary = "Export the filtered trail as csv or xlsx")
    void export(@RequestParam(defaultValue = "csv") String format,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters, HttpServletResponse response)
            throws IOException {
        audit.export(ListRequest.from(parameters), Exports.Format.of(format), EXPORT_HEADERS, zone, response);
    }
}

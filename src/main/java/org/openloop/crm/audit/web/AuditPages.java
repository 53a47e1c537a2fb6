package org.openloop.crm.audit.web;

import java.io.IOException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.platform.web.ListLinks;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.InvalidQueryException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The audit trail page for auditors (A6): filter by action, record type, user, period and text, load more, and
 * export exactly the filtered trail. Sensitive values arrive masked from {@link AuditTrail}.
 */
@Controller
class AuditPages {

    /** One option of a select. */
    record Option(String value, String label) {
    }

    /** The record types the trail holds (the {@code @Audited} names), for the type filter. */
    static final List<String> ENTITY_TYPES = List.of("user", "department", "role", "customer", "contact", "audit");

    private final AuditTrail audit;
    private final MessageSource messages;
    private final ZoneId zone;

    AuditPages(AuditTrail audit, MessageSource messages, @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.audit = audit;
        this.messages = messages;
        this.zone = zone;
    }

    @GetMapping("/audit")
    String list(@RequestParam Map<String, String> parameters,
            @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request,
            Model model) {
        CursorPage<?> page;
        try {
            page = audit.search(AuditFilters.toRequest(parameters, zone));
        }
        catch (InvalidQueryException e) {
            // A hand-edited filter: say what is wrong above an empty list instead of an error page.
            page = new CursorPage<>(List.of(), null);
            model.addAttribute("filterError", message(e.messageKey(), e.arguments()));
        }
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of(request));
        if (htmx != null) {
            return "audit/audit :: rows";
        }
        model.addAttribute("actions", Arrays.stream(AuditAction.values())
                .map(a -> new Option(a.name(), message("audit.action." + a.name()))).toList());
        model.addAttribute("entityTypes", ENTITY_TYPES.stream()
                .map(t -> new Option(t, message("audit.entity." + t))).toList());
        return "audit/audit";
    }

    @GetMapping("/audit/export")
    void export(@RequestParam(defaultValue = "xlsx") String format, @RequestParam Map<String, String> parameters,
            HttpServletResponse response) throws IOException {
        List<String> headers = AuditApiController.EXPORT_HEADERS.stream()
                .map(h -> message("audit.export." + h)).toList();
        audit.export(AuditFilters.toRequest(parameters, zone), Exports.Format.of(format), headers, zone, response);
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

package org.openloop.crm.audit.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import org.openloop.crm.shared.InvalidQueryException;
import org.openloop.crm.shared.ListRequest;

/**
 * Turns the audit page's filter parameters into the trail's list request. The page asks for calendar days
 * ({@code from}, {@code to}, both inclusive) in the company's time zone; the trail filters on instants
 * ({@code from} inclusive, {@code before} exclusive), so a day means midnight to midnight where the company is.
 */
final class AuditFilters {

    private AuditFilters() {
    }

    static ListRequest toRequest(Map<String, String> parameters, ZoneId zone) {
        Map<String, String> filters = new HashMap<>(parameters);
        filters.remove("from");
        filters.remove("to");
        filters.remove("before");
        LocalDate from = date(parameters, "from");
        LocalDate to = date(parameters, "to");
        if (from != null) {
            filters.put("from", from.atStartOfDay(zone).toInstant().toString());
        }
        if (to != null) {
            filters.put("before", to.plusDays(1).atStartOfDay(zone).toInstant().toString());
        }
        return ListRequest.from(filters);
    }

    private static LocalDate date(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        }
        catch (DateTimeParseException e) {
            throw new InvalidQueryException(name, "query.filter.invalid", name);
        }
    }
}

package org.openloop.crm.shared;

import java.util.Map;

/**
 * The raw list parameters of a page or API call: {@code cursor}, {@code size}, {@code sort} (comma-separated,
 * {@code -} for descending), {@code q} (text search) and any other parameter as a filter candidate.
 */
public record ListRequest(String cursor, Integer size, String sort, String q, Map<String, String> filters) {

    public ListRequest {
        filters = filters == null ? Map.of() : Map.copyOf(filters);
    }

    /** Builds a request from a request's query parameters (the first value of each). */
    public static ListRequest from(Map<String, String> parameters) {
        Integer size = null;
        String rawSize = parameters.get("size");
        if (rawSize != null && !rawSize.isBlank()) {
            try {
                size = Integer.valueOf(rawSize.trim());
            }
            catch (NumberFormatException e) {
                throw new InvalidQueryException("size", "query.size.invalid", rawSize);
            }
        }
        return new ListRequest(blankToNull(parameters.get("cursor")), size, blankToNull(parameters.get("sort")),
                blankToNull(parameters.get("q")), parameters);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

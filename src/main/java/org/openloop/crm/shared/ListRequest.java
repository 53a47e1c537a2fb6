package org.openloop.crm.shared;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The raw list parameters of a page or API call: {@code cursor}, {@code size}, {@code sort} (comma-separated,
 * {@code -} for descending), {@code q} (text search) and any other parameter as a filter candidate. {@code matches},
 * when not {@code null}, are the ids the search index found for {@code q} ({@link IndexedSearch#narrow}): the list
 * then filters by them instead of searching its columns.
 */
public record ListRequest(String cursor, Integer size, String sort, String q, Map<String, String> filters,
        Set<UUID> matches) {

    public ListRequest {
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        matches = matches == null ? null : Set.copyOf(matches);
    }

    public ListRequest(String cursor, Integer size, String sort, String q, Map<String, String> filters) {
        this(cursor, size, sort, q, filters, null);
    }

    /** The same request answered by these ids for its {@code q}. */
    public ListRequest withMatches(Set<UUID> ids) {
        return new ListRequest(cursor, size, sort, q, filters, ids);
    }

    /** The same request (filters, search and its matches) for another page. */
    public ListRequest withPage(String pageCursor, Integer pageSize) {
        return new ListRequest(pageCursor, pageSize, sort, q, filters, matches);
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

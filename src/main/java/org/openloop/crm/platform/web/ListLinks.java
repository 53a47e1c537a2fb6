package org.openloop.crm.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Links of a list page built from its current query parameters (K3): sort headers keep the filters, "load more"
 * keeps filters and sort and adds the cursor, export links carry the filters so that the export holds exactly what
 * the user sees. The list fragments in {@code templates/fragments/list.html} use it as {@code links}.
 */
public final class ListLinks {

    private static final Set<String> PAGING = Set.of("cursor", "size");

    private final String contextPath;
    private final String path;
    private final Map<String, String> parameters;

    private ListLinks(String contextPath, String path, Map<String, String> parameters) {
        this.contextPath = contextPath;
        this.path = path;
        this.parameters = parameters;
    }

    public static ListLinks of(HttpServletRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            String value = joined(values);
            if (!value.isEmpty() && !name.startsWith("_") && !"lang".equals(name)) {
                parameters.put(name, value);
            }
        });
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return new ListLinks(request.getContextPath(), path, parameters);
    }

    /** The list's own path without parameters: the "reset filters" link. */
    public String path() {
        return build(path, Map.of());
    }

    /** A request's parameters for {@code ListRequest.from}, repeated ones joined with commas. */
    public static Map<String, String> parameters(HttpServletRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, joined(values)));
        return parameters;
    }

    /**
     * The values of a repeated parameter (a multiple select such as {@code tags}) joined with commas, the form list
     * filters accept; blank values are dropped.
     */
    public static String joined(String[] values) {
        StringBuilder joined = new StringBuilder();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                joined.append(joined.isEmpty() ? "" : ",").append(value.trim());
            }
        }
        return joined.toString();
    }

    /** Whether a comma-separated parameter holds {@code value} (selected options of a multiple select). */
    public boolean has(String name, String value) {
        String current = parameters.get(name);
        return current != null && java.util.Arrays.asList(current.split(",")).contains(value);
    }

    /** The current value of a parameter, or {@code null}. */
    public String param(String name) {
        return parameters.get(name);
    }

    /** The current sort expression, for example {@code -createdAt}. */
    public String sort() {
        return parameters.get("sort");
    }

    /** The sort direction shown on a column header: {@code asc}, {@code desc} or {@code null} when unsorted. */
    public String direction(String field) {
        String sort = sort();
        if (field.equals(sort)) {
            return "asc";
        }
        if (("-" + field).equals(sort)) {
            return "desc";
        }
        return null;
    }

    /** The link of a column header: ascending first, descending when already ascending. */
    public String sortedBy(String field) {
        Map<String, String> next = withoutPaging();
        next.put("sort", "asc".equals(direction(field)) ? "-" + field : field);
        return build(path, next);
    }

    /** The next page of the same list. */
    public String next(String cursor) {
        Map<String, String> next = new LinkedHashMap<>(parameters);
        next.put("cursor", cursor);
        return build(path, next);
    }

    /** Another path (an export, say) with the current filters and sort, plus extra name/value pairs. */
    public String withFilters(String otherPath, String... extra) {
        Map<String, String> next = withoutPaging();
        for (int i = 0; i + 1 < extra.length; i += 2) {
            next.put(extra[i], extra[i + 1]);
        }
        return build(otherPath, next);
    }

    /** The current filters and sort as a query string, for the "save this view" form (B1). */
    public String query() {
        StringBuilder query = new StringBuilder();
        withoutPaging().forEach((name, value) -> query.append(query.isEmpty() ? "" : "&")
                .append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return query.toString();
    }

    /** This list as it is now, relative to the application, for a form to come back to after a POST. */
    public String back() {
        String query = query();
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** This list with a saved view's filters. */
    public String view(Map<String, String> filters) {
        return build(path, filters);
    }

    /** Whether the list currently shows exactly a saved view's filters. */
    public boolean showing(Map<String, String> filters) {
        return withoutPaging().equals(filters);
    }

    /** Whether any filter or search is applied (decides between "no records yet" and "nothing matches"). */
    public boolean filtered() {
        return parameters.keySet().stream().anyMatch(name -> !PAGING.contains(name) && !"sort".equals(name));
    }

    /** The filter names currently applied, for hidden inputs that keep them when another control submits. */
    public List<Map.Entry<String, String>> hidden(String... except) {
        List<String> skip = List.of(except);
        List<Map.Entry<String, String>> result = new ArrayList<>();
        parameters.forEach((name, value) -> {
            if (!PAGING.contains(name) && !skip.contains(name)) {
                result.add(Map.entry(name, value));
            }
        });
        return result;
    }

    private Map<String, String> withoutPaging() {
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        PAGING.forEach(copy::remove);
        return copy;
    }

    private String build(String path, Map<String, String> parameters) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(contextPath + path);
        parameters.forEach(builder::queryParam);
        return builder.encode().build().toUriString();
    }
}

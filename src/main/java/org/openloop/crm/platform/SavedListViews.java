package org.openloop.crm.platform;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.openloop.crm.platform.listview.SavedListViewEntries;
import org.openloop.crm.platform.listview.SavedListViewEntry;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CrmPrincipal;
import org.openloop.crm.shared.RecordNotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved list views (B1), for every list page: a user names the filters and sort of a list and opens them again
 * later. A view holds nothing but query parameters, so opening it runs the list's own query with the user's own
 * data scope — a view can never show more than the list itself would. Views are personal: another user's view is
 * "not found".
 */
@Service
public class SavedListViews {

    /** Query parameters that describe a position in a list rather than the view itself. */
    private static final Set<String> NOT_SAVED = Set.of("cursor", "size", "lang");
    private static final Pattern LIST_KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,59}");
    static final int MAX_VIEWS_PER_LIST = 50;
    static final int MAX_PARAMETERS = 30;
    static final int MAX_VALUE_LENGTH = 500;

    private final SavedListViewEntries entries;
    private final Clock clock;

    SavedListViews(SavedListViewEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** A saved view of the list {@code list} (for example {@code customers}). */
    public record SavedListView(UUID id, String list, String name, Map<String, String> filters, Instant createdAt) {
    }

    @Transactional(readOnly = true)
    public List<SavedListView> mine(String list) {
        if (list == null || !LIST_KEY.matcher(list).matches()) {
            return List.of();
        }
        return entries.findByUserIdAndListKeyOrderByNameAsc(currentUser(), list).stream().map(SavedListViews::view)
                .toList();
    }

    /** Saves the filters under the name; saving again under the same name replaces that view's filters. */
    @Transactional
    public SavedListView save(String list, String name, Map<String, String> filters) {
        if (list == null || !LIST_KEY.matcher(list).matches()) {
            throw BusinessRuleException.onField("list", "savedView.list.invalid");
        }
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 60) {
            throw BusinessRuleException.onField("name", "savedView.name.invalid");
        }
        String encoded = encode(kept(filters));
        UUID user = currentUser();
        SavedListViewEntry entry = entries.findByUserIdAndListKeyAndName(user, list, trimmed).orElse(null);
        if (entry == null) {
            if (entries.countByUserIdAndListKey(user, list) >= MAX_VIEWS_PER_LIST) {
                throw BusinessRuleException.onField("name", "savedView.tooMany", MAX_VIEWS_PER_LIST);
            }
            entry = entries.save(new SavedListViewEntry(user, list, trimmed, encoded, clock.instant()));
        } else {
            entry.replaceFilters(encoded);
        }
        return view(entry);
    }

    @Transactional
    public void delete(UUID id) {
        entries.delete(entries.findByIdAndUserId(id, currentUser())
                .orElseThrow(() -> new RecordNotFoundException("savedView", id)));
    }

    /** The filters of a query string as a page's save form posts it ({@code type=VIP&sort=-createdAt}). */
    public static Map<String, String> parse(String query) {
        return decode(query == null ? "" : query);
    }

    private static Map<String, String> kept(Map<String, String> filters) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (filters == null) {
            return kept;
        }
        filters.forEach((name, value) -> {
            if (name == null || NOT_SAVED.contains(name) || name.startsWith("_") || value == null || value.isBlank()) {
                return;
            }
            if (!PARAMETER.matcher(name).matches()) {
                throw BusinessRuleException.onField("filters", "savedView.filters.invalid");
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw BusinessRuleException.onField("filters", "savedView.filters.invalid");
            }
            kept.put(name, value.strip());
        });
        if (kept.size() > MAX_PARAMETERS) {
            throw BusinessRuleException.onField("filters", "savedView.filters.invalid");
        }
        return kept;
    }

    private static SavedListView view(SavedListViewEntry entry) {
        return new SavedListView(entry.getId(), entry.getListKey(), entry.getName(), decode(entry.getFilters()),
                entry.getCreatedAt());
    }

    private static String encode(Map<String, String> filters) {
        StringBuilder query = new StringBuilder();
        filters.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    private static Map<String, String> decode(String query) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                filters.merge(name, value, (a, b) -> a + "," + b);
            } catch (IllegalArgumentException malformed) {
                throw BusinessRuleException.onField("filters", "savedView.filters.invalid");
            }
        }
        return filters;
    }

    private static UUID currentUser() {
        return CrmPrincipal.current().map(CrmPrincipal::userId)
                .orElseThrow(() -> new AccessDeniedException("not signed in"));
    }
}

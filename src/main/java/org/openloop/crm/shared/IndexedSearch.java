package org.openloop.crm.shared;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Answers a list's text search ({@code q}) from the global search index (K2) where reading the list's own columns
 * would be slow: {@code like '%…%'} on name, number, phone and e-mail cannot use an index, so a term found in few
 * records read every row of a million-row table (1.4 s), while the index finds those few at once. A term found in
 * many records is still answered from the columns, because walking the list's sort order then meets a page of
 * matches after a few rows. Implemented by the search module; a facade calls {@link #narrow} before its list,
 * count or export query, and {@link ListQuery} filters by the ids instead of the columns.
 */
public interface IndexedSearch {

    /**
     * The most ids a list is narrowed to; a term with more matches is searched in the list's columns. Finding out
     * costs reading up to this many index rows (about 15 ms for a thousand at a million customers), and a term in more
     * than one row of a thousand meets a page of matches within some fifty thousand rows of the list's order.
     */
    int LIST_CAP = 1000;

    /**
     * The ids of the records of {@code recordType} whose indexed text contains {@code q} as the global search
     * matches it (normalised; phones and e-mails only for readers with the sensitive right), or empty when the index
     * cannot tell (a database without an inverted index) or more than {@code cap} records match. With
     * {@code inScope} only records in the reader's data scope count (owned by them or their departments), for a list
     * that shows nothing else; a list of records without an owner (the customer pool) passes {@code false}. The list
     * applies its own scope either way. When it answers ids on PostgreSQL, the rest of the caller's transaction is
     * planned without plain index scans, so that the list fetches those ids instead of walking its sort order; call it
     * only from the read-only transaction of a list, count or export.
     */
    Optional<Set<UUID>> matching(String recordType, String q, boolean inScope, int cap);

    /** {@code request} narrowed to the ids the index finds for its {@code q}, or unchanged. */
    default ListRequest narrow(ListRequest request, String recordType, boolean inScope) {
        return narrow(request, recordType, inScope, LIST_CAP);
    }

    /**
     * As {@link #narrow(ListRequest, String, boolean)}, up to {@code cap} ids: for a list whose order keeps the matches
     * of a term together (a list sorted by the name searched), where the columns are walked past every record before
     * them instead of meeting matches spread through the list.
     */
    default ListRequest narrow(ListRequest request, String recordType, boolean inScope, int cap) {
        if (request.q() == null || request.matches() != null) {
            return request;
        }
        return matching(recordType, request.q(), inScope, cap).map(request::withMatches).orElse(request);
    }
}

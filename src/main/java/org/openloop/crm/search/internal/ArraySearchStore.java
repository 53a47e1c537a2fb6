package org.openloop.crm.search.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.search.SearchHit;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * Terms as {@code text[]} columns on the document row ({@code public_terms}, {@code sensitive_terms}) under GIN
 * indexes, for PostgreSQL: one row per record instead of about eighty, so millions of records stay a table of
 * millions of rows. A query needs all its terms in one of the arrays ({@code @>}) and its text as a substring of
 * the same column; results come newest first, a common term answered from the newest documents and a rare one from
 * the GIN index (see {@link #find}).
 */
class ArraySearchStore implements SearchStore {

    private final NamedParameterJdbcTemplate jdbc;
    private final int recentWindow;
    private final int widestWindow;

    ArraySearchStore(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, RECENT_WINDOW, WIDEST_WINDOW);
    }

    /** With other windows, to test every step of {@link #find} on a few documents. */
    ArraySearchStore(NamedParameterJdbcTemplate jdbc, int recentWindow, int widestWindow) {
        this.jdbc = jdbc;
        this.recentWindow = recentWindow;
        this.widestWindow = widestWindow;
    }

    @Override
    public void write(List<IndexedDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        List<SqlParameterSource> rows = new ArrayList<>(documents.size());
        for (IndexedDocument indexed : documents) {
            rows.add(SearchSql.documentParameters(indexed)
                    .addValue("publicTerms", array(indexed.publicTerms()))
                    .addValue("sensitiveTerms", array(indexed.sensitiveTerms())));
        }
        jdbc.batchUpdate("insert into search_document (" + SearchSql.DOCUMENT_COLUMNS
                + ", public_terms, sensitive_terms) values (" + SearchSql.DOCUMENT_VALUES
                + ", :publicTerms, :sensitiveTerms)"
                + """

                on conflict (record_type, record_id) do update set owner_id = excluded.owner_id,
                    department_id = excluded.department_id, title = excluded.title, subtitle = excluded.subtitle,
                    path = excluded.path, archived = excluded.archived, public_text = excluded.public_text,
                    sensitive_text = excluded.sensitive_text, updated_at = excluded.updated_at,
                    public_terms = excluded.public_terms, sensitive_terms = excluded.sensitive_terms""",
                rows.toArray(SqlParameterSource[]::new));
    }

    /**
     * From the type's GIN indexes alone: the match and the type are fenced ({@code offset 0}) with the reader's scope
     * filtered outside, as in the last step of {@link #find}, so the planner takes the type's partial term index and
     * cannot combine it with the owner index; the scan stops after {@code cap + 1} matching rows. A term that
     * PostgreSQL's statistics say is in far more documents than the cap is answered "more" without a look: the lookup
     * would read the term's whole bitmap (40 000 entries for 科技 at a million customers) and a thousand rows, while
     * the list finds a page of such a term after a few rows. Runs in the caller's transaction.
     */
    @Override
    public Optional<Set<UUID>> idsMatching(SearchQuery query) {
        int cap = query.limit();
        if (termStatistics().estimate(query.terms(), query.sensitive()) > COMMON_FACTOR * cap) {
            return Optional.empty();
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("types", query.types())
                .addValue("terms", array(query.terms())).addValue("pattern", query.likePattern())
                .addValue("limit", cap + 1);
        // the planner's cost for a term's bitmap passes the JIT threshold, and compiling took longer than the query
        // (161 ms against 23 ms); local to the list's transaction
        jdbc.getJdbcTemplate().execute("set local jit = off");
        // planned for the types given, so that a type's partial term index is chosen
        jdbc.getJdbcTemplate().execute("set local plan_cache_mode = force_custom_plan");
        List<UUID> ids = jdbc.queryForList("select d.record_id from (select d.record_type, d.record_id, d.owner_id,"
                + " d.department_id from search_document d where d.record_type in (:types) and " + match(query)
                + " offset 0) d where true"
                + SearchSql.scopeCondition(query, parameters) + " limit :limit", parameters, UUID.class);
        if (ids.size() > cap) {
            return Optional.empty();
        }
        // The list asks next for its page among these ids in its own order. The planner takes the ids as spread evenly
        // through that order and walks its index, reading each row on the way; but a search by name finds records
        // that sit together in a list sorted by name, and the walk read 600 000 contacts (1.7 s) to reach 2 440 of
        // them. Without plain index scans it fetches the ids by primary key and sorts them (41 ms). Local to the
        // list's transaction, whose other queries (count, names, custom fields of the page) look up ids as well.
        jdbc.getJdbcTemplate().execute("set local enable_indexscan = off");
        return Optional.of(new HashSet<>(ids));
    }

    /** How many times the cap a term's estimated documents may be before it counts as common. */
    static final int COMMON_FACTOR = 10;

    private static final Duration STATISTICS_AGE = Duration.ofMinutes(10);

    private volatile TermStatistics statistics;

    /** PostgreSQL's most common terms of both arrays (from {@code analyze}), read again every ten minutes. */
    TermStatistics termStatistics() {
        TermStatistics current = statistics;
        if (current == null || current.readAt().plus(STATISTICS_AGE).isBefore(Instant.now())) {
            Map<String, Map<String, Double>> frequencies = new HashMap<>();
            jdbc.getJdbcTemplate().query("""
                    select s.attname, u.term, u.frequency
                    from pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs)
                        as u(term, frequency)
                    where s.schemaname = current_schema() and s.tablename = 'search_document'
                      and s.attname in ('public_terms', 'sensitive_terms') and u.term is not null""",
                    rs -> {
                        frequencies.computeIfAbsent(rs.getString(1), column -> new HashMap<>())
                                .put(rs.getString(2), rs.getDouble(3));
                    });
            Double documents = jdbc.getJdbcTemplate().queryForObject(
                    "select reltuples from pg_class where oid = 'search_document'::regclass", Double.class);
            current = new TermStatistics(frequencies.getOrDefault("public_terms", Map.of()),
                    frequencies.getOrDefault("sensitive_terms", Map.of()),
                    documents == null ? 0 : Math.max(0, documents), Instant.now());
            statistics = current;
        }
        return current;
    }

    /** Shares of documents holding the most common terms; a term not among them is rarer than all of them. */
    record TermStatistics(Map<String, Double> publicShares, Map<String, Double> sensitiveShares,
            double documents, Instant readAt) {

        /**
         * About how many documents hold all of {@code terms}, in each array searched: the product of the terms'
         * shares, as if they occurred independently. Pairs of one word occur together, so this is often too low (a
         * wasted read of the capped index rows before the list searches its columns); taking only the rarest term
         * instead called every person's name common ({@code mm} of "Emma" is in 1 % of all documents, the name in
         * 0.06 %), and the contact list then walked its name order through millions of rows to find them.
         */
        double estimate(Set<String> terms, boolean sensitive) {
            double share = allOf(publicShares, terms) + (sensitive ? allOf(sensitiveShares, terms) : 0);
            return share * documents;
        }

        private static double allOf(Map<String, Double> shares, Set<String> terms) {
            return terms.stream().mapToDouble(term -> shares.getOrDefault(term, 0.0)).reduce(1, (a, b) -> a * b);
        }
    }

    private static SqlArrayValue array(Set<String> terms) {
        return new SqlArrayValue("text", terms.toArray());
    }

    @Override
    public void remove(String recordType, Collection<UUID> recordIds) {
        if (!recordIds.isEmpty()) {
            SearchSql.delete(jdbc, "search_document", recordType, recordIds);
        }
    }

    @Override
    public void removeAll(String recordType) {
        jdbc.update("delete from search_document where record_type = :type",
                new MapSqlParameterSource("type", recordType));
    }

    /**
     * How many of the newest documents of one type in the reader's scope the first step reads: about 5 ms. Enough
     * that a term found in one document of a hundred fills a page from them.
     */
    static final int RECENT_WINDOW = 2000;

    /**
     * The most documents of one type a second, wider walk reads (about 50 ms), when the first step found some matches
     * but not a page: below one match in a few hundred documents the term index is cheaper.
     */
    static final int WIDEST_WINDOW = 10_000;

    /**
     * Type by type, in steps, so that none depends on the planner guessing how common the terms are (a guess that cost
     * seconds for terms of one or two characters found in a few per cent of the documents), nor on the newest
     * documents mixing the types (after one type was re-indexed with its records' old times, the newest two thousand
     * of all were customers, and a name found mostly in contacts read every match from the term index: 300 ms).
     * <ol>
     * <li>The newest {@value #RECENT_WINDOW} documents of each type in scope, read along
     * {@code ix_search_document_type_recent}, are matched. A type whose window holds a full page, or all its
     * documents, is settled: every match of it outside the window is older than those found.</li>
     * <li>A type not settled that can no longer reach the page is left: the page already holds enough matches newer
     * than the oldest document of its window.</li>
     * <li>Otherwise, if its window held some matches, their share tells how many documents a page needs; when that is
     * at most {@value #WIDEST_WINDOW} (with half again for safety) they are read the same way.</li>
     * <li>Otherwise the term is rare in that type, and its documents are looked up in the type's GIN index (behind
     * {@code offset 0}, so the planner cannot walk the recency index instead) and sorted, which is cheap for few
     * rows.</li>
     * </ol>
     */
    @Override
    public List<SearchHit> find(SearchQuery query) {
        // Plans are made for these values, not cached as generic plans (see docs/benchmarks.md), which also lets the
        // planner pick the type's partial GIN index. Local to the search's transaction.
        jdbc.getJdbcTemplate().execute("set local plan_cache_mode = force_custom_plan");
        int limit = query.limit();
        Map<String, List<RankedHit>> found = new LinkedHashMap<>();
        List<Window> open = new ArrayList<>();
        for (String type : query.types()) {
            Window window = newest(query, type, recentWindow);
            found.put(type, window.hits());
            if (!window.settles(limit)) {
                open.add(window);
            }
        }
        // the types whose unread documents are newest first: they are the least likely to be left out
        open.sort(Comparator.comparing(Window::oldest, RankedKey.ORDER));
        for (Window window : open) {
            if (outranked(found, limit, window.oldest())) {
                continue;
            }
            if (!window.hits().isEmpty()) {
                long needed = (long) Math.ceil(1.5 * limit * window.size() / window.hits().size());
                if (needed <= widestWindow) {
                    Window wider = newest(query, window.type(), (int) needed);
                    found.put(window.type(), wider.hits());
                    if (wider.settles(limit) || outranked(found, limit, wider.oldest())) {
                        continue;
                    }
                }
            }
            found.put(window.type(), fromTermIndex(query, window.type()));
        }
        return found.values().stream().flatMap(List::stream).sorted(RankedHit.BY_RANK).limit(limit)
                .map(RankedHit::hit).toList();
    }

    /**
     * Whether {@code found} already holds {@code limit} matches that come before {@code oldest}, so that no older
     * document of that type can be on the page.
     */
    private static boolean outranked(Map<String, List<RankedHit>> found, int limit, RankedKey oldest) {
        List<RankedHit> page = found.values().stream().flatMap(List::stream).sorted(RankedHit.BY_RANK).limit(limit)
                .toList();
        return page.size() == limit && RankedKey.ORDER.compare(page.get(limit - 1).key(), oldest) < 0;
    }

    /**
     * The matches among the newest {@code size} documents of {@code type} in scope, at most a page, and, when they are
     * fewer than a page, the last document of that window (none when the type has fewer documents in scope).
     */
    private Window newest(SearchQuery query, String type, int size) {
        MapSqlParameterSource parameters = parameters(query, type).addValue("window", size);
        String inScopeNewestFirst = "from search_document d where d.record_type = :type"
                + SearchSql.scopeCondition(query, parameters) + " order by d.archived, d.updated_at desc, d.record_id";
        List<RankedHit> hits = jdbc.query(HIT_COLUMNS + "from (select d.* " + inScopeNewestFirst + " limit :window) d"
                + " where " + match(query) + SearchSql.ORDER_AND_LIMIT, parameters, RANKED_HIT);
        if (hits.size() >= query.limit()) {
            return new Window(type, size, null, hits);
        }
        // asked apart, and only now: carrying the window's rows through to count them cost 18 ms instead of 3
        List<RankedKey> last = jdbc.query("select d.archived, d.updated_at, d.record_id " + inScopeNewestFirst
                + " offset :skip limit 1", parameters.addValue("skip", size - 1), RankedKey.ROW);
        return new Window(type, size, last.isEmpty() ? null : last.get(0), hits);
    }

    /** Every match of {@code type} in scope, from the type's GIN index; at most a page, newest first. */
    private List<RankedHit> fromTermIndex(SearchQuery query, String type) {
        MapSqlParameterSource parameters = parameters(query, type);
        // the scope stays outside the fence: the planner would otherwise combine the term index with the owner index,
        // whose bitmap of a third of all documents cost 200 ms
        return jdbc.query(HIT_COLUMNS + "from (select d.* from search_document d where d.record_type = :type and "
                + match(query) + " offset 0) d where true" + SearchSql.scopeCondition(query, parameters)
                + SearchSql.ORDER_AND_LIMIT, parameters, RANKED_HIT);
    }

    private static MapSqlParameterSource parameters(SearchQuery query, String type) {
        return new MapSqlParameterSource()
                .addValue("type", type)
                .addValue("terms", array(query.terms()))
                .addValue("pattern", query.likePattern())
                .addValue("limit", query.limit());
    }

    /** All query terms in one text, public or (for holders of the right) sensitive, and the text confirmed on it. */
    private static String match(SearchQuery query) {
        String sensitiveMatch = query.sensitive()
                ? " or (d.sensitive_terms @> :terms and d.sensitive_text like :pattern escape '\\')" : "";
        return "((d.public_terms @> :terms and d.public_text like :pattern escape '\\')" + sensitiveMatch + ")";
    }

    private static final String HIT_COLUMNS =
            "select d.record_type, d.record_id, d.title, d.subtitle, d.path, d.archived, d.updated_at ";

    private static final RowMapper<RankedHit> RANKED_HIT = (rs, row) -> new RankedHit(SearchSql.HIT.mapRow(rs, row),
            RankedKey.ROW.mapRow(rs, row));

    /** Where a document stands in the results' order: current first, newest first, then by id. */
    record RankedKey(boolean archived, Instant updatedAt, UUID recordId) {

        /** The order of {@link SearchSql#ORDER_AND_LIMIT}, for merging the types' hits. */
        static final Comparator<RankedKey> ORDER = Comparator.comparing(RankedKey::archived)
                .thenComparing(RankedKey::updatedAt, Comparator.reverseOrder())
                .thenComparing(RankedKey::recordId, RankedKey::compareAsPostgresql);

        static final RowMapper<RankedKey> ROW = (rs, row) -> new RankedKey(rs.getBoolean("archived"),
                rs.getTimestamp("updated_at").toInstant(), rs.getObject("record_id", UUID.class));

        /** PostgreSQL orders uuids by their bytes, unsigned; {@link UUID#compareTo} compares signed halves. */
        static int compareAsPostgresql(UUID a, UUID b) {
            int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
            return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
        }
    }

    /** A hit with its place in the results' order. */
    record RankedHit(SearchHit hit, RankedKey key) {

        static final Comparator<RankedHit> BY_RANK = Comparator.comparing(RankedHit::key, RankedKey.ORDER);
    }

    /**
     * The matches found among the newest {@code size} documents of a type in scope, and the last of those documents
     * ({@code oldest}; null when the window held every document of the type in scope, or was not needed).
     */
    private record Window(String type, int size, RankedKey oldest, List<RankedHit> hits) {

        /** Whether the type's page is known: a full page was found, or the window held every document in scope. */
        boolean settles(int limit) {
            return hits.size() >= limit || oldest == null;
        }
    }
}

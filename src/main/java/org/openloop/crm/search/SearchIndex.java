package org.openloop.crm.search;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.platform.web.Permissions;
import org.openloop.crm.search.internal.IndexedDocument;
import org.openloop.crm.search.internal.SearchQuery;
import org.openloop.crm.search.internal.SearchStore;
import org.openloop.crm.search.internal.SearchTerms;
import org.openloop.crm.shared.Authorities;
import org.openloop.crm.shared.DataScope;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The global search index (K2). Modules call {@link #index} in the transaction that changes a record, so the index
 * never disagrees with the data it points to, and {@link #remove} when a record goes away. {@link #search} answers
 * with the records the caller may open: only types whose module they may view, only records in their data scope,
 * and matches on sensitive fields only for users allowed to see them.
 */
@Service
public class SearchIndex implements org.openloop.crm.shared.IndexedSearch {

    public static final int MAX_RESULTS = 50;
    static final int MAX_TEXT = 4000;

    /** Documents per {@link #indexAll} batch when a record type is rebuilt. */
    static final int REBUILD_CHUNK = 1000;

    private final SearchStore store;
    private final NamedParameterJdbcTemplate jdbc;
    private final AccessControl access;
    private final Clock clock;
    private final List<String> types;
    private final java.util.Map<String, String> modules = new java.util.HashMap<>();
    private final Set<String> companyWide = new LinkedHashSet<>();

    SearchIndex(SearchStore store, NamedParameterJdbcTemplate jdbc, AccessControl access, Clock clock,
            List<SearchSource> sources) {
        this.store = store;
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
        this.types = sources.stream().map(SearchSource::recordType).distinct().toList();
        for (SearchSource source : sources) {
            modules.put(source.recordType(), source.permissionModule());
            if (source.companyWide()) {
                companyWide.add(source.recordType());
            }
        }
    }

    /** The record types that can be searched, in the order their modules registered them. */
    public List<String> types() {
        return types;
    }

    /** Puts a record into the index, replacing what was there for it. */
    @Transactional
    public void index(SearchDocument document) {
        store.write(List.of(prepared(document)));
    }

    /**
     * Puts many records into the index at once, replacing what was there for them: one batch per table instead of
     * statements per record, for rebuilds and bulk loads. Callers pass batches of a few thousand at most; the
     * batch is held in memory.
     */
    @Transactional
    public void indexAll(Collection<SearchDocument> documents) {
        // the last document of a record wins, as if they had been indexed one after another
        java.util.Map<List<Object>, IndexedDocument> prepared = new java.util.LinkedHashMap<>();
        documents.forEach(document -> prepared.put(List.of(document.recordType(), document.recordId()),
                prepared(document)));
        store.write(new ArrayList<>(prepared.values()));
    }

    @Transactional
    public void remove(String recordType, UUID recordId) {
        store.remove(recordType, List.of(recordId));
    }

    /** Rebuilds the index of one record type from its source; answers the number of records indexed. */
    @Transactional
    public long rebuild(SearchSource source) {
        store.removeAll(source.recordType());
        return indexEach(source::forEachDocument);
    }

    /**
     * Re-indexes the records {@code page} reads, in batches as a rebuild reads them ({@link SearchSource#inBatches}),
     * with {@code documents} making a batch's documents; answers how many were indexed. For records whose documents
     * changed without them: those showing a customer's name after the customer was renamed.
     */
    @Transactional
    public <T> long reindex(Function<Pageable, ? extends Slice<T>> page,
            BiConsumer<List<T>, Consumer<SearchDocument>> documents) {
        return indexEach(sink -> SearchSource.inBatches(page, documents, sink));
    }

    /** Indexes every document handed to the consumer, {@value #REBUILD_CHUNK} at a time. */
    private long indexEach(Consumer<Consumer<SearchDocument>> documents) {
        long[] indexed = {0};
        List<SearchDocument> chunk = new ArrayList<>(REBUILD_CHUNK);
        documents.accept(document -> {
            chunk.add(document);
            if (chunk.size() == REBUILD_CHUNK) {
                indexAll(chunk);
                chunk.clear();
            }
            indexed[0]++;
        });
        indexAll(chunk);
        return indexed[0];
    }

    /**
     * Whether the index holds no record of a type. Asked at every start-up for every type, so it stops at the first
     * row: counting took seconds at a million customers.
     */
    @Transactional(readOnly = true)
    public boolean isEmpty(String recordType) {
        return jdbc.queryForList("select 1 from search_document where record_type = :type limit 1",
                new MapSqlParameterSource("type", recordType), Integer.class).isEmpty();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Set<UUID>> matching(String recordType, String q, boolean inScope, int cap) {
        String normalised = SearchTerms.normaliseQuery(q);
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        UUID scopeUser = null;
        Set<UUID> departments = Set.of();
        DataScope scope = access.currentScope();
        if (inScope && scope.level() != DataScope.Level.COMPANY) {
            scopeUser = scope.userId();
            departments = new LinkedHashSet<>(scope.departmentIds());
        }
        return store.idsMatching(new SearchQuery(Set.of(recordType), SearchTerms.queryTerms(normalised),
                SearchTerms.likePattern(normalised), org.openloop.crm.shared.SensitiveData.canView(), scopeUser,
                departments, Set.of(), cap));
    }

    /** How many records of a type the index holds. */
    @Transactional(readOnly = true)
    public long count(String recordType) {
        Long count = jdbc.queryForObject("select count(*) from search_document where record_type = :type",
                new MapSqlParameterSource("type", recordType), Long.class);
        return count == null ? 0 : count;
    }

    /**
     * The records matching {@code query} that the caller may open, current ones first, most recently changed first.
     * {@code only} narrows the record types; empty means every type the caller may view.
     */
    @Transactional(readOnly = true)
    public List<SearchHit> search(String query, Set<String> only, int limit) {
        String normalised = SearchTerms.normaliseQuery(query);
        Set<String> readable = new LinkedHashSet<>();
        for (String type : types) {
            if (!only.isEmpty() && !only.contains(type)) {
                continue;
            }
            if (Permissions.has(modules.getOrDefault(type, type), Authorities.Action.VIEW.code())) {
                readable.add(type);
            }
        }
        if (normalised.isEmpty() || readable.isEmpty()) {
            return List.of();
        }
        Set<String> terms = SearchTerms.queryTerms(normalised);
        DataScope scope = access.currentScope();
        UUID scopeUser = null;
        Set<UUID> departments = Set.of();
        Set<String> everyone = Set.of();
        if (scope.level() != DataScope.Level.COMPANY) {
            scopeUser = scope.userId();
            departments = new LinkedHashSet<>(scope.departmentIds());
            everyone = new LinkedHashSet<>(companyWide);
            everyone.retainAll(readable);
        }
        return store.find(new SearchQuery(readable, terms, SearchTerms.likePattern(normalised),
                Permissions.has("sensitive", "view"), scopeUser, departments, everyone,
                Math.max(1, Math.min(limit, MAX_RESULTS))));
    }

    private IndexedDocument prepared(SearchDocument document) {
        List<String> publicValues = variants(document.publicText());
        List<String> sensitiveValues = variants(document.sensitiveText());
        return new IndexedDocument(document, joined(publicValues), joined(sensitiveValues), termsOf(publicValues),
                termsOf(sensitiveValues), document.changedAt() != null ? document.changedAt() : clock.instant());
    }

    private static List<String> variants(List<String> values) {
        List<String> result = new ArrayList<>();
        values.forEach(value -> result.addAll(SearchTerms.variants(value)));
        return result;
    }

    private static Set<String> termsOf(List<String> values) {
        Set<String> terms = new LinkedHashSet<>();
        values.forEach(value -> terms.addAll(SearchTerms.termsOf(value)));
        return terms;
    }

    private static String joined(List<String> values) {
        return truncate(SearchTerms.SEPARATOR + String.join(SearchTerms.SEPARATOR, values) + SearchTerms.SEPARATOR,
                MAX_TEXT);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}

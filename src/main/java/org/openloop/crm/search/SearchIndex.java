package org.openloop.crm.search;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.platform.web.Permissions;
import org.openloop.crm.search.internal.SearchTerms;
import org.openloop.crm.shared.Authorities;
import org.openloop.crm.shared.DataScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The global search index (K2). Modules call {@link #index} in the transaction that changes a record, so the index
 * never disagrees with the data it points to, and {@link #remove} when a record goes away. {@link #search} answers
 * with the records the caller may open: only types whose module they may view, only records in their data scope,
 * and matches on sensitive fields only for users allowed to see them.
 */
@Service
public class SearchIndex {

    public static final int MAX_RESULTS = 50;
    static final int MAX_TEXT = 4000;

    private final NamedParameterJdbcTemplate jdbc;
    private final AccessControl access;
    private final Clock clock;
    private final List<String> types;
    private final java.util.Map<String, String> modules = new java.util.HashMap<>();
    private final Set<String> companyWide = new LinkedHashSet<>();

    SearchIndex(NamedParameterJdbcTemplate jdbc, AccessControl access, Clock clock, List<SearchSource> sources) {
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
        remove(document.recordType(), document.recordId());
        List<String> publicValues = variants(document.publicText());
        List<String> sensitiveValues = variants(document.sensitiveText());
        jdbc.update("""
                insert into search_document (record_type, record_id, owner_id, department_id, title, subtitle, path,
                    archived, public_text, sensitive_text, updated_at)
                values (:type, :id, :owner, :department, :title, :subtitle, :path, :archived, :publicText,
                    :sensitiveText, :now)""", new MapSqlParameterSource()
                .addValue("type", document.recordType())
                .addValue("id", document.recordId())
                .addValue("owner", document.ownerId())
                .addValue("department", document.departmentId())
                .addValue("title", truncate(document.title(), 300))
                .addValue("subtitle", truncate(document.subtitle(), 300))
                .addValue("path", document.path())
                .addValue("archived", document.archived())
                .addValue("publicText", joined(publicValues))
                .addValue("sensitiveText", joined(sensitiveValues))
                .addValue("now", Timestamp.from(clock.instant())));
        List<SqlParameterSource> rows = new ArrayList<>();
        addTerms(rows, document, publicValues, false);
        addTerms(rows, document, sensitiveValues, true);
        jdbc.batchUpdate("""
                insert into search_term (term, record_type, record_id, sensitive)
                values (:term, :type, :id, :sensitive)""", rows.toArray(SqlParameterSource[]::new));
    }

    @Transactional
    public void remove(String recordType, UUID recordId) {
        MapSqlParameterSource key = new MapSqlParameterSource("type", recordType).addValue("id", recordId);
        jdbc.update("delete from search_term where record_type = :type and record_id = :id", key);
        jdbc.update("delete from search_document where record_type = :type and record_id = :id", key);
    }

    /** Rebuilds the index of one record type from its source; answers the number of records indexed. */
    @Transactional
    public long rebuild(SearchSource source) {
        MapSqlParameterSource type = new MapSqlParameterSource("type", source.recordType());
        jdbc.update("delete from search_term where record_type = :type", type);
        jdbc.update("delete from search_document where record_type = :type", type);
        long[] indexed = {0};
        source.forEachDocument(document -> {
            index(document);
            indexed[0]++;
        });
        return indexed[0];
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
        boolean sensitive = Permissions.has("sensitive", "view");
        DataScope scope = access.currentScope();
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("types", readable)
                .addValue("terms", terms)
                .addValue("termCount", terms.size())
                .addValue("flags", sensitive ? List.of(false, true) : List.of(false))
                .addValue("pattern", SearchTerms.likePattern(normalised))
                .addValue("sensitive", sensitive)
                .addValue("limit", Math.max(1, Math.min(limit, MAX_RESULTS)));
        String scopeCondition = "";
        if (scope.level() != DataScope.Level.COMPANY) {
            parameters.addValue("user", scope.userId());
            if (scope.departmentIds().isEmpty()) {
                scopeCondition = "d.owner_id = :user";
            }
            else {
                parameters.addValue("departments", scope.departmentIds());
                scopeCondition = "d.owner_id = :user or d.department_id in (:departments)";
            }
            Set<String> everyone = new LinkedHashSet<>(companyWide);
            everyone.retainAll(readable);
            if (!everyone.isEmpty()) {
                // company-wide types (products) are open to every holder of their view right
                parameters.addValue("companyWide", everyone);
                scopeCondition = "d.record_type in (:companyWide) or " + scopeCondition;
            }
            scopeCondition = " and (" + scopeCondition + ")";
        }
        return jdbc.query("""
                select d.record_type, d.record_id, d.title, d.subtitle, d.path, d.archived
                from search_document d
                join (select t.record_type, t.record_id from search_term t
                      where t.term in (:terms) and t.record_type in (:types) and t.sensitive in (:flags)
                      group by t.record_type, t.record_id
                      having count(distinct t.term) = :termCount) m
                  on m.record_type = d.record_type and m.record_id = d.record_id
                where (d.public_text like :pattern escape '\\'
                       or (:sensitive = true and d.sensitive_text like :pattern escape '\\'))"""
                + scopeCondition + """

                order by d.archived, d.updated_at desc, d.record_id
                limit :limit""", parameters,
                (rs, row) -> new SearchHit(rs.getString("record_type"), rs.getObject("record_id", UUID.class),
                        rs.getString("title"), rs.getString("subtitle"), rs.getString("path"),
                        rs.getBoolean("archived")));
    }

    private static List<String> variants(List<String> values) {
        List<String> result = new ArrayList<>();
        values.forEach(value -> result.addAll(SearchTerms.variants(value)));
        return result;
    }

    private static void addTerms(List<SqlParameterSource> rows, SearchDocument document, List<String> values,
            boolean sensitive) {
        Set<String> terms = new LinkedHashSet<>();
        values.forEach(value -> terms.addAll(SearchTerms.termsOf(value)));
        for (String term : terms) {
            rows.add(new MapSqlParameterSource("term", term).addValue("type", document.recordType())
                    .addValue("id", document.recordId()).addValue("sensitive", sensitive));
        }
    }

    private static String joined(List<String> values) {
        return truncate(SearchTerms.SEPARATOR + String.join(SearchTerms.SEPARATOR, values) + SearchTerms.SEPARATOR,
                MAX_TEXT);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}

package org.openloop.crm.search.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.search.SearchHit;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * Terms as {@code text[]} columns on the document row ({@code public_terms}, {@code sensitive_terms}) under GIN
 * indexes, for PostgreSQL: one row per record instead of about eighty, so millions of records stay a table of
 * millions of rows. A query needs all its terms in one of the arrays ({@code @>}) and its text as a substring of
 * the same column; results come in the order of {@code ix_search_document_recent}, so a term that most documents
 * have is answered by walking that index and stopping at the limit, and a rare one from the GIN index.
 */
class ArraySearchStore implements SearchStore {

    private final NamedParameterJdbcTemplate jdbc;

    ArraySearchStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
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

    @Override
    public List<SearchHit> find(SearchQuery query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("types", query.types())
                .addValue("terms", array(query.terms()))
                .addValue("pattern", query.likePattern())
                .addValue("limit", query.limit());
        // How to answer depends on how common the terms are (walk the newest documents, or look the few up in the
        // GIN index), so the plan must be made for these values: a cached generic plan that looks terms up takes
        // seconds for a character a third of all documents contain. Local to the search's transaction.
        jdbc.getJdbcTemplate().execute("set local plan_cache_mode = force_custom_plan");
        String sensitiveMatch = query.sensitive()
                ? " or (d.sensitive_terms @> :terms and d.sensitive_text like :pattern escape '\\')" : "";
        return jdbc.query("""
                select d.record_type, d.record_id, d.title, d.subtitle, d.path, d.archived
                from search_document d
                where d.record_type in (:types)
                  and ((d.public_terms @> :terms and d.public_text like :pattern escape '\\')"""
                + sensitiveMatch + ")" + SearchSql.scopeCondition(query, parameters) + SearchSql.ORDER_AND_LIMIT,
                parameters, SearchSql.HIT);
    }
}

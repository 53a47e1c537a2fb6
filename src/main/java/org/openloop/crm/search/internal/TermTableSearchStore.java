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

/**
 * Terms as rows of {@code search_term} (term, record, sensitive flag) under a B-tree primary key, for H2: it has no
 * inverted index over arrays, and embedded installations stay small enough for a row per term.
 */
class TermTableSearchStore implements SearchStore {

    private final NamedParameterJdbcTemplate jdbc;

    TermTableSearchStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(List<IndexedDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        SearchSql.idsByType(documents).forEach((type, chunks) -> chunks.forEach(ids -> remove(type, ids)));
        List<SqlParameterSource> rows = new ArrayList<>(documents.size());
        List<SqlParameterSource> terms = new ArrayList<>();
        for (IndexedDocument indexed : documents) {
            rows.add(SearchSql.documentParameters(indexed));
            addTerms(terms, indexed, indexed.publicTerms(), false);
            addTerms(terms, indexed, indexed.sensitiveTerms(), true);
        }
        jdbc.batchUpdate("insert into search_document (" + SearchSql.DOCUMENT_COLUMNS + ") values ("
                + SearchSql.DOCUMENT_VALUES + ")", rows.toArray(SqlParameterSource[]::new));
        jdbc.batchUpdate("insert into search_term (term, record_type, record_id, sensitive) "
                + "values (:term, :type, :id, :sensitive)", terms.toArray(SqlParameterSource[]::new));
    }

    private static void addTerms(List<SqlParameterSource> rows, IndexedDocument indexed, Set<String> terms,
            boolean sensitive) {
        for (String term : terms) {
            rows.add(new MapSqlParameterSource("term", term).addValue("type", indexed.document().recordType())
                    .addValue("id", indexed.document().recordId()).addValue("sensitive", sensitive));
        }
    }

    @Override
    public void remove(String recordType, Collection<UUID> recordIds) {
        if (recordIds.isEmpty()) {
            return;
        }
        SearchSql.deleteEach(jdbc, "search_term", recordType, recordIds);
        SearchSql.deleteEach(jdbc, "search_document", recordType, recordIds);
    }

    @Override
    public void removeAll(String recordType) {
        MapSqlParameterSource type = new MapSqlParameterSource("type", recordType);
        jdbc.update("delete from search_term where record_type = :type", type);
        jdbc.update("delete from search_document where record_type = :type", type);
    }

    @Override
    public List<SearchHit> find(SearchQuery query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("types", query.types())
                .addValue("terms", query.terms())
                .addValue("termCount", query.terms().size())
                .addValue("flags", query.sensitive() ? List.of(false, true) : List.of(false))
                .addValue("pattern", query.likePattern())
                .addValue("limit", query.limit());
        String sensitiveMatch = query.sensitive() ? " or d.sensitive_text like :pattern escape '\\'" : "";
        return jdbc.query("""
                select d.record_type, d.record_id, d.title, d.subtitle, d.path, d.archived
                from search_document d
                join (select t.record_type, t.record_id from search_term t
                      where t.term in (:terms) and t.record_type in (:types) and t.sensitive in (:flags)
                      group by t.record_type, t.record_id
                      having count(distinct t.term) = :termCount) m
                  on m.record_type = d.record_type and m.record_id = d.record_id
                where (d.public_text like :pattern escape '\\'""" + sensitiveMatch + ")"
                + SearchSql.scopeCondition(query, parameters) + SearchSql.ORDER_AND_LIMIT, parameters, SearchSql.HIT);
    }
}

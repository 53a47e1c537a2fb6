package org.openloop.crm.search.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.search.SearchDocument;
import org.openloop.crm.search.SearchHit;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The SQL both stores share: the document columns, removal, the scope condition and reading a hit. */
final class SearchSql {

    static final String DOCUMENT_COLUMNS = """
            record_type, record_id, owner_id, department_id, title, subtitle, path, archived, public_text,
            sensitive_text, updated_at""";

    static final String DOCUMENT_VALUES = """
            :type, :id, :owner, :department, :title, :subtitle, :path, :archived, :publicText, :sensitiveText,
            :updatedAt""";

    static final String ORDER_AND_LIMIT = """

            order by d.archived, d.updated_at desc, d.record_id
            limit :limit""";

    static final RowMapper<SearchHit> HIT = (rs, row) -> new SearchHit(rs.getString("record_type"),
            rs.getObject("record_id", UUID.class), rs.getString("title"), rs.getString("subtitle"),
            rs.getString("path"), rs.getBoolean("archived"));

    /** Ids per statement when removing many records; keeps the parameter list well below driver limits. */
    private static final int REMOVE_CHUNK = 1000;

    private SearchSql() {
    }

    static MapSqlParameterSource documentParameters(IndexedDocument indexed) {
        SearchDocument document = indexed.document();
        return new MapSqlParameterSource()
                .addValue("type", document.recordType())
                .addValue("id", document.recordId())
                .addValue("owner", document.ownerId())
                .addValue("department", document.departmentId())
                .addValue("title", truncate(document.title(), 300))
                .addValue("subtitle", truncate(document.subtitle(), 300))
                .addValue("path", document.path())
                .addValue("archived", document.archived())
                .addValue("publicText", indexed.publicText())
                .addValue("sensitiveText", indexed.sensitiveText())
                .addValue("updatedAt", Timestamp.from(indexed.updatedAt()));
    }

    /** The records of the documents, grouped by record type, in chunks of at most {@value #REMOVE_CHUNK} ids. */
    static Map<String, List<List<UUID>>> idsByType(List<IndexedDocument> documents) {
        Map<String, List<List<UUID>>> result = new LinkedHashMap<>();
        for (IndexedDocument indexed : documents) {
            List<List<UUID>> chunks = result.computeIfAbsent(indexed.document().recordType(),
                    type -> new ArrayList<>());
            if (chunks.isEmpty() || chunks.get(chunks.size() - 1).size() == REMOVE_CHUNK) {
                chunks.add(new ArrayList<>());
            }
            chunks.get(chunks.size() - 1).add(indexed.document().recordId());
        }
        return result;
    }

    /** Deletes the rows of {@code table} for these records, a chunk of ids per statement. */
    static void delete(NamedParameterJdbcTemplate jdbc, String table, String recordType, Collection<UUID> ids) {
        List<UUID> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += REMOVE_CHUNK) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + REMOVE_CHUNK));
            jdbc.update("delete from " + table + " where record_type = :type and record_id in (:ids)",
                    new MapSqlParameterSource("type", recordType).addValue("ids", chunk));
        }
    }

    /**
     * Deletes the rows of {@code table} for these records with one statement per record in a JDBC batch: H2 uses
     * the {@code (record_type, record_id)} index only for an equality on both columns, while with {@code record_id
     * in (…)} it reads every row of the record type, so each write got slower as the table grew.
     */
    static void deleteEach(NamedParameterJdbcTemplate jdbc, String table, String recordType, Collection<UUID> ids) {
        jdbc.batchUpdate("delete from " + table + " where record_type = :type and record_id = :id",
                ids.stream().map(id -> new MapSqlParameterSource("type", recordType).addValue("id", id))
                        .toArray(org.springframework.jdbc.core.namedparam.SqlParameterSource[]::new));
    }

    /** The data-scope condition ({@code and (…)}) for {@code d}, or nothing for company scope. */
    static String scopeCondition(SearchQuery query, MapSqlParameterSource parameters) {
        if (query.scopeUser() == null) {
            return "";
        }
        parameters.addValue("user", query.scopeUser());
        String condition = "d.owner_id = :user";
        if (!query.scopeDepartments().isEmpty()) {
            parameters.addValue("departments", query.scopeDepartments());
            condition += " or d.department_id in (:departments)";
        }
        if (!query.companyWideTypes().isEmpty()) {
            // company-wide types (products) are open to every holder of their view right
            parameters.addValue("companyWide", query.companyWideTypes());
            condition = "d.record_type in (:companyWide) or " + condition;
        }
        return " and (" + condition + ")";
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}

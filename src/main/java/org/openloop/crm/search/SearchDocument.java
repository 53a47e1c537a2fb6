package org.openloop.crm.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the search index knows of one record. {@code recordType} doubles as the permission module ({@code customer}
 * → {@code customer:view}); owner and department carry the record's data scope. Title and subtitle are shown in
 * results, so they never hold sensitive values; sensitive values go to {@code sensitiveText} only. {@code changedAt}
 * is when the record last changed, which orders results newest first; {@code null} (a record being written now) means
 * the moment it is indexed. Documents rebuilt from stored records carry their records' time ({@link #asOf}), so a
 * rebuild of one type does not put all its records ahead of every other.
 */
public record SearchDocument(String recordType, UUID recordId, UUID ownerId, UUID departmentId, String title,
        String subtitle, String path, boolean archived, List<String> publicText, List<String> sensitiveText,
        Instant changedAt) {

    public SearchDocument {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(path, "path");
        publicText = publicText == null ? List.of() : publicText.stream().filter(Objects::nonNull).toList();
        sensitiveText = sensitiveText == null ? List.of()
                : sensitiveText.stream().filter(Objects::nonNull).toList();
    }

    /** The document of a record being written now. */
    public SearchDocument(String recordType, UUID recordId, UUID ownerId, UUID departmentId, String title,
            String subtitle, String path, boolean archived, List<String> publicText, List<String> sensitiveText) {
        this(recordType, recordId, ownerId, departmentId, title, subtitle, path, archived, publicText, sensitiveText,
                null);
    }

    /** This document for a record that last changed at {@code changedAt}. */
    public SearchDocument asOf(Instant changedAt) {
        return new SearchDocument(recordType, recordId, ownerId, departmentId, title, subtitle, path, archived,
                publicText, sensitiveText, changedAt);
    }
}

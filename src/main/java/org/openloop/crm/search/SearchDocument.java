package org.openloop.crm.search;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the search index knows of one record. {@code recordType} doubles as the permission module ({@code customer}
 * → {@code customer:view}); owner and department carry the record's data scope. Title and subtitle are shown in
 * results, so they never hold sensitive values; sensitive values go to {@code sensitiveText} only.
 */
public record SearchDocument(String recordType, UUID recordId, UUID ownerId, UUID departmentId, String title,
        String subtitle, String path, boolean archived, List<String> publicText, List<String> sensitiveText) {

    public SearchDocument {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(path, "path");
        publicText = publicText == null ? List.of() : publicText.stream().filter(Objects::nonNull).toList();
        sensitiveText = sensitiveText == null ? List.of()
                : sensitiveText.stream().filter(Objects::nonNull).toList();
    }
}

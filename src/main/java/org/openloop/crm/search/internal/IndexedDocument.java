package org.openloop.crm.search.internal;

import java.time.Instant;
import java.util.Set;

import org.openloop.crm.search.SearchDocument;

/**
 * A document ready to be stored: its public and sensitive text joined and normalised for the substring check, and
 * the terms of each for the index lookup.
 */
public record IndexedDocument(SearchDocument document, String publicText, String sensitiveText,
        Set<String> publicTerms, Set<String> sensitiveTerms, Instant updatedAt) {
}

package org.openloop.crm.search.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.search.SearchHit;

/**
 * Where the search index keeps documents and their terms. PostgreSQL keeps the terms as arrays on the document row
 * behind GIN indexes ({@link ArraySearchStore}); H2, which has no inverted index, keeps one row per term in
 * {@code search_term} ({@link TermTableSearchStore}). {@link SearchStoreConfiguration} picks one by the database.
 */
public interface SearchStore {

    /** Writes the documents, replacing any that are already indexed, in one batch per table. */
    void write(List<IndexedDocument> documents);

    /** Removes the documents of these records, if indexed. */
    void remove(String recordType, Collection<UUID> recordIds);

    /** Removes every document of a record type. */
    void removeAll(String recordType);

    /** The hits for a query the caller has already reduced to readable types, terms and scope. */
    List<SearchHit> find(SearchQuery query);

    /**
     * The ids of the records of the query's one type matching its terms and pattern (sensitive text too when it says
     * so) in its scope, in no order, when there are at most {@code query.limit()}; empty when there are more, or when
     * this store cannot find them faster than a list reading its own columns.
     */
    default Optional<Set<UUID>> idsMatching(SearchQuery query) {
        return Optional.empty();
    }
}

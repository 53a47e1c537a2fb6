package org.openloop.crm.search;

import java.util.function.Consumer;

/**
 * Implemented by a module whose records are searchable, so the index can be (re)built from the records themselves:
 * on an empty index at start-up, and after data was written without going through the module's facade. A source
 * reading a repository extends {@link BatchedSearchSource}.
 */
public interface SearchSource {

    /** The record type this source feeds, for example {@code customer}. */
    String recordType();

    /**
     * The permission module whose {@code view} right opens this type in results; the record type itself unless a
     * module indexes several types under one right (interactions and tasks under {@code activity}).
     */
    default String permissionModule() {
        return recordType();
    }

    /**
     * Whether the records are company-wide (no owner, like products): then every holder of the view right finds
     * them, whatever their data scope.
     */
    default boolean companyWide() {
        return false;
    }

    /** Hands every record of the type to {@code sink}, in batches, inside a read-only transaction. */
    void forEachDocument(Consumer<SearchDocument> sink);

    /**
     * The usual {@link #forEachDocument} body (the one of {@link BatchedSearchSource}, which most sources extend):
     * reads the records {@value #BATCH} at a time in id order with
     * {@code page} (a repository's {@code findAll(Pageable)}) and hands each batch to {@code documents}, so a rebuild
     * never holds a whole table and a batch can look up what its documents need in one query.
     */
    static <T> void inBatches(java.util.function.Function<org.springframework.data.domain.Pageable,
            ? extends org.springframework.data.domain.Slice<T>> page,
            java.util.function.BiConsumer<java.util.List<T>, Consumer<SearchDocument>> documents,
            Consumer<SearchDocument> sink) {
        org.springframework.data.domain.Pageable request = org.springframework.data.domain.PageRequest.of(0, BATCH,
                org.springframework.data.domain.Sort.by("id"));
        org.springframework.data.domain.Slice<T> slice;
        do {
            slice = page.apply(request);
            documents.accept(slice.getContent(), sink);
            request = request.next();
        }
        while (slice.hasNext());
    }

    /** Records read per batch by {@link #inBatches}. */
    int BATCH = 500;
}

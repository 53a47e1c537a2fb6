package org.openloop.crm.search;

import java.util.function.Consumer;

/**
 * Implemented by a module whose records are searchable, so the index can be (re)built from the records themselves:
 * on an empty index at start-up, and after data was written without going through the module's facade.
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
}

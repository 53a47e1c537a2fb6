package org.openloop.crm.search;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.transaction.annotation.Transactional;

/**
 * A {@link SearchSource} over a module's repository: reads the records with {@link SearchSource#inBatches} and
 * {@code page} (a repository's {@code findAll(Pageable)}) and turns each batch into documents, so a rebuild never
 * holds a whole table and a batch can look up what its documents need in one query. A module declares
 * its source as a small component extending this one, beside its search class:
 *
 * <pre>
 * &#64;Component
 * static class Source extends BatchedSearchSource&lt;Task&gt; {
 *     Source(Tasks tasks) {
 *         super(TYPE, "activity", false, tasks::findAll, each(TaskSearch::document));
 *     }
 * }
 * </pre>
 *
 * Being a component of its own, it is found by the component scan in the same order as any other source (the order
 * of the result groups) and proxied by Spring, which runs {@link #forEachDocument} in its read-only transaction.
 * Methods here must stay overridable for that proxy.
 */
public abstract class BatchedSearchSource<T> implements SearchSource {

    private final String recordType;
    private final String permissionModule;
    private final boolean companyWide;
    private final Function<Pageable, ? extends Slice<T>> page;
    private final BiConsumer<List<T>, Consumer<SearchDocument>> documents;

    /**
     * @param permissionModule the module whose view right opens the records (see {@link #permissionModule()})
     * @param companyWide whether the records have no owner (see {@link #companyWide()})
     * @param documents hands the documents of one batch to its consumer: {@link #each} when a record makes its
     *        document alone, {@link #labelled} when it shows a label kept by another module
     */
    protected BatchedSearchSource(String recordType, String permissionModule, boolean companyWide,
            Function<Pageable, ? extends Slice<T>> page, BiConsumer<List<T>, Consumer<SearchDocument>> documents) {
        this.recordType = recordType;
        this.permissionModule = permissionModule;
        this.companyWide = companyWide;
        this.page = page;
        this.documents = documents;
    }

    /** A batch's documents when each record makes its own document, needing nothing else. */
    public static <T> BiConsumer<List<T>, Consumer<SearchDocument>> each(Function<T, SearchDocument> document) {
        return (batch, sink) -> batch.forEach(record -> sink.accept(document.apply(record)));
    }

    /**
     * A batch's documents when each shows a label of a record of another module (its customer's name): the labels of
     * the whole batch are asked for in one call, {@code document} gets the record's label or {@code null}.
     */
    public static <T, K> BiConsumer<List<T>, Consumer<SearchDocument>> labelled(Function<T, K> key,
            Function<Set<K>, Map<K, String>> labels, BiFunction<T, String, SearchDocument> document) {
        return (batch, sink) -> {
            Map<K, String> known = labels.apply(batch.stream().map(key).collect(Collectors.toSet()));
            batch.forEach(record -> {
                K of = key.apply(record);
                sink.accept(document.apply(record, of == null ? null : known.get(of)));
            });
        };
    }

    @Override
    public String recordType() {
        return recordType;
    }

    @Override
    public String permissionModule() {
        return permissionModule;
    }

    @Override
    public boolean companyWide() {
        return companyWide;
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachDocument(Consumer<SearchDocument> sink) {
        SearchSource.inBatches(page, documents, sink);
    }
}

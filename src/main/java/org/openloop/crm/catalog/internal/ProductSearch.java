package org.openloop.crm.catalog.internal;

import java.util.Arrays;
import java.util.UUID;
import java.util.function.Consumer;

import org.openloop.crm.search.SearchDocument;
import org.openloop.crm.search.SearchIndex;
import org.openloop.crm.search.SearchSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Products in global search (K2): found by code and name; company-wide, so every holder of product:view finds them. */
@Component
public class ProductSearch {

    public static final String TYPE = "product";

    private final SearchIndex index;

    ProductSearch(SearchIndex index) {
        this.index = index;
    }

    public void index(Product record) {
        index.index(document(record));
    }

    public void remove(UUID id) {
        index.remove(TYPE, id);
    }

    static SearchDocument document(Product r) {
        return new SearchDocument(TYPE, r.getId(), null, null, r.getName(), r.getCode(),
                "/products/" + r.getId(), !r.isActive(), Arrays.asList(r.getCode(), r.getName()), null);
    }

    /** Feeds the index rebuild. */
    @Component
    static class Source implements SearchSource {

        private final Products repository;

        Source(Products repository) {
            this.repository = repository;
        }

        @Override
        public String recordType() {
            return TYPE;
        }

        @Override
        public String permissionModule() {
            return "product";
        }

        @Override
        public boolean companyWide() {
            return true;
        }

        @Override
        @Transactional(readOnly = true)
        public void forEachDocument(Consumer<SearchDocument> sink) {
            SearchSource.inBatches(repository::findAll,
                    (batch, out) -> batch.forEach(r -> out.accept(document(r))), sink);
        }
    }
}

package org.openloop.crm.catalog.internal;

import java.util.Arrays;
import java.util.UUID;

import org.openloop.crm.search.BatchedSearchSource;
import org.openloop.crm.search.SearchDocument;
import org.openloop.crm.search.SearchIndex;
import org.springframework.stereotype.Component;

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
    static class Source extends BatchedSearchSource<Product> {

        Source(Products repository) {
            super(TYPE, "product", true, repository::findAll, each(ProductSearch::document));
        }
    }
}

package org.openloop.crm.marketing.internal;

import java.util.Arrays;
import java.util.UUID;
import java.util.function.Consumer;

import org.openloop.crm.search.SearchDocument;
import org.openloop.crm.search.SearchIndex;
import org.openloop.crm.search.SearchSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Campaigns in global search (K2): found by name, in the reader's scope. */
@Component
public class CampaignSearch {

    public static final String TYPE = "campaign";

    private final SearchIndex index;

    CampaignSearch(SearchIndex index) {
        this.index = index;
    }

    public void index(Campaign record) {
        index.index(document(record));
    }

    public void remove(UUID id) {
        index.remove(TYPE, id);
    }

    static SearchDocument document(Campaign r) {
        return new SearchDocument(TYPE, r.getId(), r.getOwnerId(), r.getDepartmentId(), r.getName(),
                null, "/campaigns/" + r.getId(), false, Arrays.asList(r.getName()), null);
    }

    /** Feeds the index rebuild. */
    @Component
    static class Source implements SearchSource {

        private final Campaigns repository;

        Source(Campaigns repository) {
            this.repository = repository;
        }

        @Override
        public String recordType() {
            return TYPE;
        }

        @Override
        public String permissionModule() {
            return "campaign";
        }

        @Override
        public boolean companyWide() {
            return false;
        }

        @Override
        @Transactional(readOnly = true)
        public void forEachDocument(Consumer<SearchDocument> sink) {
            SearchSource.inBatches(repository::findAll,
                    (batch, out) -> batch.forEach(r -> out.accept(document(r))), sink);
        }
    }
}

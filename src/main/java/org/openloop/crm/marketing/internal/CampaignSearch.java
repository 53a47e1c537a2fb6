package org.openloop.crm.marketing.internal;

import java.util.Arrays;
import java.util.UUID;

import org.openloop.crm.search.BatchedSearchSource;
import org.openloop.crm.search.SearchDocument;
import org.openloop.crm.search.SearchIndex;
import org.springframework.stereotype.Component;

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
    static class Source extends BatchedSearchSource<Campaign> {

        Source(Campaigns repository) {
            super(TYPE, "campaign", false, repository::findAll, each(CampaignSearch::document));
        }
    }
}

package org.openloop.crm.activity.internal;

import java.util.Arrays;
import java.util.UUID;
import java.util.function.Consumer;

import org.openloop.crm.search.SearchDocument;
import org.openloop.crm.search.SearchIndex;
import org.openloop.crm.search.SearchSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tasks in global search (K2): found by name, in the reader's scope. */
@Component
public class TaskSearch {

    public static final String TYPE = "task";

    private final SearchIndex index;

    TaskSearch(SearchIndex index) {
        this.index = index;
    }

    public void index(Task record) {
        index.index(document(record));
    }

    public void remove(UUID id) {
        index.remove(TYPE, id);
    }

    static SearchDocument document(Task r) {
        return new SearchDocument(TYPE, r.getId(), r.getOwnerId(), r.getDepartmentId(), r.getSubject(),
                null, "/tasks/" + r.getId(), false, Arrays.asList(r.getSubject()), null);
    }

    /** Feeds the index rebuild. */
    @Component
    static class Source implements SearchSource {

        private final Tasks repository;

        Source(Tasks repository) {
            this.repository = repository;
        }

        @Override
        public String recordType() {
            return TYPE;
        }

        @Override
        public String permissionModule() {
            return "activity";
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

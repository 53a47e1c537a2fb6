package org.openloop.crm.activity.internal;

import java.util.Arrays;
import java.util.UUID;

import org.openloop.crm.search.BatchedSearchSource;
import org.openloop.crm.search.SearchDocument;
import org.openloop.crm.search.SearchIndex;
import org.springframework.stereotype.Component;

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
    static class Source extends BatchedSearchSource<Task> {

        Source(Tasks repository) {
            super(TYPE, "activity", false, repository::findAll, each(TaskSearch::document));
        }
    }
}

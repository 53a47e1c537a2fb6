package org.openloop.crm.search.internal;

import java.util.List;

import org.openloop.crm.search.SearchIndex;
import org.openloop.crm.search.SearchSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills the index of every record type whose index is empty at start-up (a new installation, demo data, or an
 * upgrade that introduced a searchable type), after the modules' demo data has been loaded.
 */
@Component
@Order(100)
class SearchIndexBuilder implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexBuilder.class);

    private final SearchIndex index;
    private final List<SearchSource> sources;

    SearchIndexBuilder(SearchIndex index, List<SearchSource> sources) {
        this.index = index;
        this.sources = sources;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (SearchSource source : sources) {
            if (index.isEmpty(source.recordType())) {
                long indexed = index.rebuild(source);
                if (indexed > 0) {
                    LOG.info("Search index built for {}: {} records", source.recordType(), indexed);
                }
            }
        }
    }
}

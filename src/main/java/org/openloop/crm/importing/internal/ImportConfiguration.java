package org.openloop.crm.importing.internal;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    /**
     * Zip-bomb limits for every xlsx read (they are POI-wide settings): an entry that inflates more than
     * {@code 1 / min-inflate-ratio} times, or beyond {@code max-entry-size}, stops the read with an error.
     */
    ImportConfiguration(@Value("${crm.import.min-inflate-ratio:0.01}") double minInflateRatio,
            @Value("${crm.import.max-entry-size:100MB}") DataSize maxEntrySize) {
        ZipSecureFile.setMinInflateRatio(minInflateRatio);
        ZipSecureFile.setMaxEntrySize(maxEntrySize.toBytes());
    }

    /** Imports run one after another (per instance) so a large file never starves the web requests. */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskExecutor importExecutor(@Value("${crm.import.threads:1}") int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(1000);
        executor.setThreadNamePrefix("import-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
        return executor;
    }
}

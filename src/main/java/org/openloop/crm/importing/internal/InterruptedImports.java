package org.openloop.crm.importing.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Jobs run in this process's executor, so a job still queued or running when the application starts was cut off by
 * a stop: it is marked FAILED rather than shown as running for ever. (Rows written before the stop stay written and
 * are listed in its report.) With several instances, give each its own {@code crm.import.directory} and accept that a
 * restart of one fails the jobs of all; a cluster-wide queue is future work.
 */
@Component
class InterruptedImports implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(InterruptedImports.class);

    private final ImportStore store;
    private final Clock clock;

    InterruptedImports(ImportStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int failed = store.failInterrupted("interrupted by a restart", clock.instant());
        if (failed > 0) {
            LOG.warn("{} import job(s) were interrupted by the last stop and are marked failed", failed);
        }
    }
}

package org.openloop.crm.importing.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.openloop.crm.importing.ImportStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes uploaded files whose job was never started (or whose job is gone) after {@code crm.import.abandoned-after}
 * and marks such jobs cancelled. Files of queued and running jobs are left alone; a finished job's file is deleted by
 * its worker already. Each instance cleans its own {@code crm.import.directory}, so no cluster lock is needed: the
 * database update is idempotent.
 */
@Component
class AbandonedUploads {

    private static final Logger LOG = LoggerFactory.getLogger(AbandonedUploads.class);

    private final ImportStore store;
    private final Clock clock;
    private final Path directory;
    private final Duration abandonedAfter;

    AbandonedUploads(ImportStore store, Clock clock, @Value("${crm.import.directory:./data/imports}") Path directory,
            @Value("${crm.import.abandoned-after:24h}") Duration abandonedAfter) {
        this.store = store;
        this.clock = clock;
        this.directory = directory.toAbsolutePath().normalize();
        this.abandonedAfter = abandonedAfter;
    }

    @Scheduled(fixedDelayString = "${crm.import.cleanup-interval:PT1H}", initialDelayString = "PT5M")
    void clean() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        Instant cutoff = clock.instant().minus(abandonedAfter);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.{csv,xlsx}")) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isAfter(cutoff)) {
                    continue;
                }
                UUID id = jobId(file);
                ImportStatus status = id == null ? null : store.find(id).map(j -> j.view().status()).orElse(null);
                if (status == ImportStatus.QUEUED || status == ImportStatus.RUNNING) {
                    continue;
                }
                if (status == ImportStatus.UPLOADED) {
                    store.cancel(id, clock.instant());
                }
                Files.deleteIfExists(file);
            }
        }
        catch (IOException | RuntimeException e) {
            LOG.warn("Could not clean abandoned import files in {}", directory, e);
        }
    }

    private static UUID jobId(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        try {
            return UUID.fromString(dot < 0 ? name : name.substring(0, dot));
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }
}

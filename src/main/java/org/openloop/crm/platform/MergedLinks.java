package org.openloop.crm.platform;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.openloop.crm.shared.RecordDeleted;
import org.openloop.crm.shared.RecordsMerged;
import org.openloop.crm.shared.RecordsUnmerged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes every module's rows follow a merged record (B6) the same way. A module declares each kind of row it keeps
 * about records of another module as a {@link Link} bean; on {@link RecordsMerged} the rows pointing at the merged
 * record are repointed to the survivor and remembered (table {@code merged_link}); on {@link RecordsUnmerged} exactly
 * those rows are pointed back, as long as they still point at the survivor (a row moved on since, say by a later
 * merge of the survivor, stays where it is). Rows added to the survivor after the merge stay with the survivor.
 * <p>
 * Each link runs in a transaction of its own, so one module's failure does not undo another's move; a failure is
 * rethrown after the others ran, which leaves the event to be resubmitted — and a rerun finds nothing left to move
 * for the links that succeeded.
 */
@Component
public class MergedLinks {

    private static final Logger LOG = LoggerFactory.getLogger(MergedLinks.class);

    /** Repointing in slices keeps {@code in (…)} lists bounded for records with many rows. */
    private static final int SLICE = 500;

    /** One kind of row a module keeps about records of some type (a customer's tasks, say). */
    public interface Link {

        /** A name unique among links ({@code task}, {@code interaction}). */
        String name();

        /** Whether the link has rows pointing at records of this type. */
        boolean covers(String recordType);

        /** The ids of the rows that should follow {@code mergedId} to {@code survivorId}. */
        List<UUID> idsToFollow(String recordType, UUID mergedId, UUID survivorId);

        /** Points those of {@code ids} that point at {@code from} at {@code to}; answers how many changed. */
        int repoint(String recordType, Collection<UUID> ids, UUID from, UUID to);

        /**
         * A link to records of one type over loaded records: each record of {@code ids} still pointing at
         * {@code from} is handed to {@code moveTo}, which changes it through its own method (so versions, audit and
         * search entries follow).
         */
        static <R> Link ofRecords(String name, String recordType, Function<UUID, List<UUID>> idsPointingAt,
                Function<Collection<UUID>, ? extends Iterable<R>> load, Function<R, UUID> pointsAt,
                BiConsumer<R, UUID> moveTo) {
            return of(name, recordType, idsPointingAt, (ids, from, to) -> {
                int moved = 0;
                for (R record : load.apply(ids)) {
                    if (from.equals(pointsAt.apply(record))) {
                        moveTo.accept(record, to);
                        moved++;
                    }
                }
                return moved;
            });
        }

        /** A link to records of one type whose rows move with a bulk update. */
        static Link of(String name, String recordType, Function<UUID, List<UUID>> idsPointingAt, Repoint repoint) {
            return new Link() {

                @Override
                public String name() {
                    return name;
                }

                @Override
                public boolean covers(String type) {
                    return recordType.equals(type);
                }

                @Override
                public List<UUID> idsToFollow(String type, UUID mergedId, UUID survivorId) {
                    return idsPointingAt.apply(mergedId);
                }

                @Override
                public int repoint(String type, Collection<UUID> ids, UUID from, UUID to) {
                    return repoint.repoint(ids, from, to);
                }
            };
        }
    }

    /** See {@link Link#repoint}, for links to records of one type. */
    @FunctionalInterface
    public interface Repoint {

        int repoint(Collection<UUID> ids, UUID from, UUID to);
    }

    private final List<Link> links;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MergedLinks(List<Link> links, JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions,
            Clock clock) {
        this.links = List.copyOf(links);
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(RecordsMerged merged) {
        eachLink(merged.recordType(), link -> follow(merged, link));
    }

    @ApplicationModuleListener
    void on(RecordsUnmerged unmerged) {
        eachLink(unmerged.recordType(), link -> followBack(unmerged, link));
    }

    /** A record deleted for good can no longer be unmerged: what moved from it stays where it is. */
    @ApplicationModuleListener
    void on(RecordDeleted deleted) {
        jdbc.sql("delete from merged_link where record_type = ? and merged_id = ?")
                .params(deleted.recordType(), deleted.recordId()).update();
    }

    private void eachLink(String recordType, java.util.function.Consumer<Link> work) {
        RuntimeException failure = null;
        for (Link link : links) {
            if (!link.covers(recordType)) {
                continue;
            }
            try {
                transaction.executeWithoutResult(status -> work.accept(link));
            }
            catch (RuntimeException e) {
                LOG.error("Moving {} rows after a merge of a {} failed", link.name(), recordType, e);
                if (failure == null) {
                    failure = e;
                }
                else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void follow(RecordsMerged merged, Link link) {
        List<UUID> ids = link.idsToFollow(merged.recordType(), merged.mergedId(), merged.survivorId());
        int moved = 0;
        for (List<UUID> slice : slices(ids)) {
            moved += link.repoint(merged.recordType(), slice, merged.mergedId(), merged.survivorId());
        }
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        batch.batchUpdate("""
                insert into merged_link (record_type, merged_id, link_type, link_id, survivor_id, moved_at)
                values (?, ?, ?, ?, ?, ?)""", ids.stream().map(id -> new Object[] { merged.recordType(),
                merged.mergedId(), link.name(), id, merged.survivorId(), now }).toList());
        if (moved > 0) {
            LOG.info("Moved {} {} rows of {} {} to {}", moved, link.name(), merged.recordType(), merged.mergedId(),
                    merged.survivorId());
        }
    }

    private void followBack(RecordsUnmerged unmerged, Link link) {
        List<UUID> ids = jdbc.sql("""
                select link_id from merged_link
                where record_type = ? and merged_id = ? and link_type = ? and survivor_id = ?""")
                .params(unmerged.recordType(), unmerged.mergedId(), link.name(), unmerged.survivorId())
                .query(UUID.class).list();
        int moved = 0;
        for (List<UUID> slice : slices(ids)) {
            moved += link.repoint(unmerged.recordType(), slice, unmerged.survivorId(), unmerged.mergedId());
        }
        jdbc.sql("delete from merged_link where record_type = ? and merged_id = ? and link_type = ?")
                .params(unmerged.recordType(), unmerged.mergedId(), link.name()).update();
        if (moved > 0) {
            LOG.info("Moved {} {} rows back from {} {} to {}", moved, link.name(), unmerged.recordType(),
                    unmerged.survivorId(), unmerged.mergedId());
        }
    }

    private static List<List<UUID>> slices(List<UUID> ids) {
        List<List<UUID>> slices = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += SLICE) {
            slices.add(ids.subList(i, Math.min(ids.size(), i + SLICE)));
        }
        return slices;
    }
}

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
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes every module's rows follow a merged record (B6) the same way: on {@link RecordsMerged} the rows that point
 * at the merged record are repointed to the survivor and remembered; on {@link RecordsUnmerged} exactly those rows
 * are pointed back, as long as they still point at the survivor (a row moved on since, say by a later merge of the
 * survivor, stays where it is). Rows added to the survivor after the merge stay with the survivor.
 * <p>
 * A module describes each kind of row once as a {@link Link} and calls {@link #follow} and {@link #followBack} from
 * its listeners.
 */
@Component
public class MergedLinks {

    private static final Logger LOG = LoggerFactory.getLogger(MergedLinks.class);

    /** Repointing in slices keeps {@code in (…)} lists bounded for records with many rows. */
    private static final int SLICE = 500;

    /** One kind of row a module keeps about records of another type (a customer's tasks, say). */
    public interface Link {

        /** A name unique among links to the same record type ({@code task}, {@code interaction}). */
        String name();

        /** The record type the rows point at ({@code customer}). */
        String recordType();

        /** The ids of the rows pointing at the record. */
        List<UUID> idsPointingAt(UUID recordId);

        /** Points those of {@code ids} that point at {@code from} at {@code to}; answers how many changed. */
        int repoint(Collection<UUID> ids, UUID from, UUID to);

        /**
         * A link over loaded records: each record of {@code ids} still pointing at {@code from} is handed to
         * {@code moveTo}, which changes it through its own method (so versions, audit and search entries follow).
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

        /** A link from its parts, for modules that describe one in a line or two. */
        static Link of(String name, String recordType, Function<UUID, List<UUID>> idsPointingAt, Repoint repoint) {
            return new Link() {

                @Override
                public String name() {
                    return name;
                }

                @Override
                public String recordType() {
                    return recordType;
                }

                @Override
                public List<UUID> idsPointingAt(UUID recordId) {
                    return idsPointingAt.apply(recordId);
                }

                @Override
                public int repoint(Collection<UUID> ids, UUID from, UUID to) {
                    return repoint.repoint(ids, from, to);
                }
            };
        }
    }

    /** See {@link Link#repoint}. */
    @FunctionalInterface
    public interface Repoint {

        int repoint(Collection<UUID> ids, UUID from, UUID to);
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    MergedLinks(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /** Moves the link's rows from the merged record to the survivor and remembers them; answers how many moved. */
    @Transactional
    public int follow(RecordsMerged merged, Link link) {
        if (!link.recordType().equals(merged.recordType())) {
            return 0;
        }
        List<UUID> ids = link.idsPointingAt(merged.mergedId());
        int moved = 0;
        for (List<UUID> slice : slices(ids)) {
            moved += link.repoint(slice, merged.mergedId(), merged.survivorId());
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
        return moved;
    }

    /** Moves back what {@link #follow} moved for this merge and forgets it; answers how many moved back. */
    @Transactional
    public int followBack(RecordsUnmerged unmerged, Link link) {
        if (!link.recordType().equals(unmerged.recordType())) {
            return 0;
        }
        List<UUID> ids = jdbc.sql("""
                select link_id from merged_link
                where record_type = ? and merged_id = ? and link_type = ? and survivor_id = ?""")
                .params(unmerged.recordType(), unmerged.mergedId(), link.name(), unmerged.survivorId())
                .query(UUID.class).list();
        int moved = 0;
        for (List<UUID> slice : slices(ids)) {
            moved += link.repoint(slice, unmerged.survivorId(), unmerged.mergedId());
        }
        jdbc.sql("delete from merged_link where record_type = ? and merged_id = ? and link_type = ?")
                .params(unmerged.recordType(), unmerged.mergedId(), link.name()).update();
        if (moved > 0) {
            LOG.info("Moved {} {} rows back from {} {} to {}", moved, link.name(), unmerged.recordType(),
                    unmerged.survivorId(), unmerged.mergedId());
        }
        return moved;
    }

    /** The ids that followed the merged record for the link and have not been moved back. */
    @Transactional(readOnly = true)
    public List<UUID> followed(String recordType, UUID mergedId, String linkName) {
        return jdbc.sql("select link_id from merged_link where record_type = ? and merged_id = ? and link_type = ?")
                .params(recordType, mergedId, linkName).query(UUID.class).list();
    }

    /** A record deleted for good can no longer be unmerged: what moved from it stays where it is. */
    @ApplicationModuleListener
    void on(RecordDeleted deleted) {
        jdbc.sql("delete from merged_link where record_type = ? and merged_id = ?")
                .params(deleted.recordType(), deleted.recordId()).update();
    }

    private static List<List<UUID>> slices(List<UUID> ids) {
        List<List<UUID>> slices = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += SLICE) {
            slices.add(ids.subList(i, Math.min(ids.size(), i + SLICE)));
        }
        return slices;
    }
}

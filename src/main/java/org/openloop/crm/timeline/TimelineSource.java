package org.openloop.crm.timeline;

import java.util.List;
import java.util.UUID;

/**
 * Something that contributes entries to records' timelines. Implemented by each module for the entries it owns
 * (the customer module for a customer's own milestones; interactions, tasks, opportunities and tickets later).
 * A source returns only entries the current user may see.
 */
public interface TimelineSource {

    /** The entry kind this source produces, unique across sources. */
    String kind();

    /** Whether this source has entries for records of this type. */
    boolean covers(String recordType);

    /** Entries of one record inside the window, newest first (by {@code at}, then {@code id} descending). */
    List<TimelineEntry> entries(String recordType, UUID recordId, TimelineWindow window);
}

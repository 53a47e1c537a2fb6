package org.openloop.crm.search;

import java.util.UUID;

/** One search result: enough to show and link it, nothing sensitive. */
public record SearchHit(String recordType, UUID recordId, String title, String subtitle, String path,
        boolean archived) {
}

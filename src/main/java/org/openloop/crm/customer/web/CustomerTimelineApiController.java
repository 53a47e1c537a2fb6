package org.openloop.crm.customer.web;

import java.time.ZoneId;
import java.util.UUID;

import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.timeline.Timeline;
import org.openloop.crm.timeline.TimelineEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A customer's timeline (C2) over the API; 404 for a customer outside the caller's scope. */
@RestController
@Tag(name = "Customers")
class CustomerTimelineApiController {

    private final CustomerManagement customers;
    private final Timeline timeline;
    private final ZoneId zone;

    CustomerTimelineApiController(CustomerManagement customers, Timeline timeline,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.customers = customers;
        this.timeline = timeline;
        this.zone = zone;
    }

    @GetMapping("/api/v1/customers/{id}/timeline")
    @Operation(summary = "A customer's timeline, newest first, keyset paged; filter by kinds, from and to "
            + "(dates or ISO-8601 times with offset)")
    CursorPage<TimelineEntry> timeline(@PathVariable UUID id, @RequestParam(required = false) String kinds,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
        return CustomerTimelineController.entries(customers, timeline, zone, id, kinds, from, to, cursor, size);
    }
}

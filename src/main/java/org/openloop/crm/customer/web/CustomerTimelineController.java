package org.openloop.crm.customer.web;

import java.time.ZoneId;
import java.util.UUID;

import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.platform.web.ListLinks;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.timeline.Timeline;
import org.openloop.crm.timeline.Timeline.TimelineFilter;
import org.openloop.crm.timeline.TimelineEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A customer's timeline (C2) as the detail page's tab; {@link CustomerTimelineApiController} serves it over the API. Loading the customer first answers 404 for a
 * customer outside the reader's scope before any entry is read.
 */
@Controller
class CustomerTimelineController {

    private final CustomerManagement customers;
    private final Timeline timeline;
    private final ZoneId zone;

    CustomerTimelineController(CustomerManagement customers, Timeline timeline,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.customers = customers;
        this.timeline = timeline;
        this.zone = zone;
    }

    @GetMapping("/customers/{id}/timeline")
    String panel(@PathVariable UUID id, @RequestParam(required = false) String kinds,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor, HttpServletRequest request, Model model) {
        model.addAttribute("timeline", entries(customers, timeline, zone, id, kinds, from, to, cursor, null));
        model.addAttribute("kinds", timeline.kinds("customer"));
        model.addAttribute("panelUrl", "/customers/" + id + "/timeline");
        model.addAttribute("links", ListLinks.of(request));
        return cursor != null ? "timeline/panel :: rows" : "timeline/panel :: panel";
    }

    /** Shared with the API: the customer first (404 outside the scope), then its entries. */
    static CursorPage<TimelineEntry> entries(CustomerManagement customers, Timeline timeline, ZoneId zone, UUID id,
            String kinds, String from, String to, String cursor, Integer size) {
        customers.customer(id);
        return timeline.of("customer", id, TimelineFilter.parse(kinds, from, to, zone), cursor, size);
    }
}

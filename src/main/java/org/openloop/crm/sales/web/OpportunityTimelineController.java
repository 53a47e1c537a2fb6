package org.openloop.crm.sales.web;

import java.time.ZoneId;
import java.util.UUID;

import org.openloop.crm.platform.web.ListLinks;
import org.openloop.crm.sales.OpportunityManagement;
import org.openloop.crm.timeline.Timeline;
import org.openloop.crm.timeline.Timeline.TimelineFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

/** The timeline tab of an opportunity page (C2): the opportunity first (404 outside the scope), then its entries. */
@Controller
class OpportunityTimelineController {

    private final OpportunityManagement opportunities;
    private final Timeline timeline;
    private final ZoneId zone;

    OpportunityTimelineController(OpportunityManagement opportunities, Timeline timeline,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.opportunities = opportunities;
        this.timeline = timeline;
        this.zone = zone;
    }

    @GetMapping("/opportunities/{id}/timeline")
    String panel(@PathVariable UUID id, @RequestParam(required = false) String kinds,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor, HttpServletRequest request, Model model) {
        opportunities.ref(id);
        model.addAttribute("timeline", timeline.of("opportunity", id, TimelineFilter.parse(kinds, from, to, zone),
                cursor, null));
        model.addAttribute("kinds", timeline.kinds("opportunity"));
        model.addAttribute("panelUrl", "/opportunities/" + id + "/timeline");
        model.addAttribute("links", ListLinks.of(request));
        return cursor != null ? "timeline/panel :: rows" : "timeline/panel :: panel";
    }
}

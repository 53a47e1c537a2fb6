package org.openloop.crm.search.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openloop.crm.search.SearchHit;
import org.openloop.crm.search.SearchIndex;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The results page of the search box in the navigation bar (K2), grouped by record type. */
@Controller
class SearchPages {

    private final SearchIndex index;

    SearchPages(SearchIndex index) {
        this.index = index;
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, Model model) {
        String query = q.length() > 100 ? q.substring(0, 100) : q;
        Map<String, List<SearchHit>> groups = new LinkedHashMap<>();
        index.types().forEach(type -> groups.put(type, new java.util.ArrayList<>()));
        for (SearchHit hit : index.search(query, Set.of(), SearchIndex.MAX_RESULTS)) {
            groups.get(hit.recordType()).add(hit);
        }
        groups.values().removeIf(List::isEmpty);
        model.addAttribute("query", query);
        model.addAttribute("groups", groups);
        return "search/results";
    }
}

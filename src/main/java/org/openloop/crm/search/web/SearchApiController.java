package org.openloop.crm.search.web;

import java.util.List;
import java.util.Set;

import org.openloop.crm.search.SearchHit;
import org.openloop.crm.search.SearchIndex;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search", description = "Global search over every module's records (K2)")
class SearchApiController {

    record SearchResult(String query, List<SearchHit> items) {
    }

    private final SearchIndex index;

    SearchApiController(SearchIndex index) {
        this.index = index;
    }

    @GetMapping
    @Operation(summary = "Records whose name, number, phone or e-mail contain the query (any length, Chinese too)",
            description = "Only records the caller may open; phones and e-mails match only for callers allowed to "
                    + "see them. `type` narrows to record types (customer, contact, opportunity, quote, contract, campaign, "
                    + "product, interaction, task); `limit` is at most 50.")
    SearchResult search(@RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) Set<String> type, @RequestParam(defaultValue = "20") int limit) {
        return new SearchResult(q, index.search(q, type == null ? Set.of() : type, limit));
    }
}

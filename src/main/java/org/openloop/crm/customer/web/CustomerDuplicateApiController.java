package org.openloop.crm.customer.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.customer.CustomerDuplicates;
import org.openloop.crm.customer.CustomerView;
import org.openloop.crm.customer.DuplicateGroup;
import org.openloop.crm.customer.DuplicateMatch;
import org.openloop.crm.customer.MergeView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Duplicate detection and merging (B6) over HTTP. */
@RestController
@Tag(name = "Customer duplicates")
class CustomerDuplicateApiController {

    record MergeRequest(UUID mergedId, Map<String, String> picks) {
    }

    private final CustomerDuplicates duplicates;

    CustomerDuplicateApiController(CustomerDuplicates duplicates) {
        this.duplicates = duplicates;
    }

    @GetMapping("/api/v1/customers/duplicates")
    @Operation(summary = "Existing customers that look like these values (check before creating)",
            description = "Names are compared ignoring width, case, spaces, brackets and legal-form suffixes; phones "
                    + "normalised; e-mails case-insensitively; contacts' phones and e-mails count too. Looks across "
                    + "the whole company and answers only number, name and owner; `visible` says whether the caller "
                    + "may open the match. `except` leaves out the customer being edited.")
    List<DuplicateMatch> matches(@RequestParam(required = false) String name,
            @RequestParam(required = false) String phone, @RequestParam(required = false) String email,
            @RequestParam(required = false) UUID except) {
        return duplicates.matchesFor(name, phone, email, except);
    }

    @GetMapping("/api/v1/customers/duplicate-groups")
    @Operation(summary = "Groups of customers in the caller's scope sharing a normalised name or a phone")
    List<DuplicateGroup> groups() {
        return duplicates.groups();
    }

    @PostMapping("/api/v1/customers/{id}/merge")
    @Operation(summary = "Merge another customer into this one (needs customer:assign and edit access to both)",
            description = "`picks` maps a field (name, industry, size, type, level, source, address, phone, email, "
                    + "website, background, painPoints) to `survivor` or `merged`. Contacts and tags move to this "
                    + "customer; the other one is archived as merged.")
    CustomerView merge(@PathVariable UUID id, @RequestBody MergeRequest request) {
        return duplicates.merge(id, request.mergedId(), request.picks());
    }

    @GetMapping("/api/v1/customers/{id}/merges")
    @Operation(summary = "The merges into this customer")
    List<MergeView> merges(@PathVariable UUID id) {
        return duplicates.mergesInto(id);
    }

    @PostMapping("/api/v1/customer-merges/{mergeId}/undo")
    @Operation(summary = "Undo a merge (administrators only)")
    CustomerView undo(@PathVariable UUID mergeId) {
        return duplicates.undo(mergeId);
    }
}

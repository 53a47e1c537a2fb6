package org.openloop.crm.customer.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.customer.CustomerLevel;
import org.openloop.crm.customer.CustomerPool;
import org.openloop.crm.customer.CustomerView;
import org.openloop.crm.customer.PoolRule;
import org.openloop.crm.customer.PoolRuleDraft;
import org.openloop.crm.platform.ApiVersions;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The customer pool (公海, B5) over HTTP. */
@RestController
@Tag(name = "Customer pool")
class CustomerPoolApiController {

    record ReturnRequest(String reason) {
    }

    private final CustomerPool pool;

    CustomerPoolApiController(CustomerPool pool) {
        this.pool = pool;
    }

    @GetMapping("/api/v1/customer-pool")
    @Operation(summary = "Customers in the pool", description = "Same paging, sort, filters and q as "
            + "GET /api/v1/customers; open to every user who may view customers.")
    CursorPage<CustomerView> pooled(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return pool.pooled(ListRequest.from(parameters));
    }

    @PostMapping("/api/v1/customers/{id}/claim")
    @Operation(summary = "Claim a pooled customer (领取) within the cap of its level")
    CustomerView claim(@PathVariable UUID id) {
        return pool.claim(id);
    }

    @PostMapping("/api/v1/customers/{id}/return")
    @Operation(summary = "Return a customer to the pool (退回) with a reason")
    CustomerView giveBack(@PathVariable UUID id, @RequestBody ReturnRequest request) {
        return pool.giveBack(id, request.reason());
    }

    @GetMapping("/api/v1/customer-pool/rules")
    @Operation(summary = "Pool rules per customer level")
    List<PoolRule> rules() {
        return pool.rules();
    }

    @PutMapping("/api/v1/customer-pool/rules/{level}")
    @Operation(summary = "Change a level's pool rule (needs customer:assign)")
    ResponseEntity<PoolRule> changeRule(@PathVariable CustomerLevel level, @Valid @RequestBody PoolRuleDraft draft,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, draft.version());
        PoolRule rule = pool.changeRule(level, new PoolRuleDraft(draft.returnAfterDays(), draft.warnBeforeDays(),
                draft.maxPerOwner(), expected.version()), expected.fromIfMatch());
        return ApiVersions.ok(rule, rule.version());
    }
}

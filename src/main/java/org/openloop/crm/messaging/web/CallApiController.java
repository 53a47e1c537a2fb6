package org.openloop.crm.messaging.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.messaging.CallDraft;
import org.openloop.crm.messaging.CallLog;
import org.openloop.crm.messaging.CallView;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Calls over REST (C4): the telephony system posts calls; reviewers assign or discard unmatched ones. */
@RestController
@Tag(name = "Calls")
class CallApiController {

    private final CallLog calls;

    CallApiController(CallLog calls) {
        this.calls = calls;
    }

    /** Body of assign requests. */
    record Assignment(UUID contactId) {
    }

    @PostMapping("/api/v1/calls")
    @Operation(summary = "Log a call from the telephony system", description = "Needs activity:create. 201 for a new "
            + "call, 200 with the stored call when the externalCallId was already logged. Matched to a contact by "
            + "mobile or office phone; unmatched calls wait in the review list. recordingUrl must be http(s).")
    ResponseEntity<CallView> log(@RequestBody CallDraft draft) {
        CallLog.Logged logged = calls.log(draft);
        return logged.created()
                ? ResponseEntity.created(URI.create("/api/v1/calls/" + logged.call().id())).body(logged.call())
                : ResponseEntity.ok(logged.call());
    }

    @GetMapping("/api/v1/calls/{id}")
    CallView get(@PathVariable UUID id) {
        return calls.call(id);
    }

    @GetMapping("/api/v1/calls/review")
    @Operation(summary = "Calls no contact's number matched, newest first, keyset paged")
    CursorPage<CallView> review(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return calls.review(ListRequest.from(parameters));
    }

    @PostMapping("/api/v1/calls/{id}/assign")
    CallView assign(@PathVariable UUID id, @RequestBody Assignment assignment) {
        return calls.assign(id, assignment.contactId());
    }

    @PostMapping("/api/v1/calls/{id}/discard")
    CallView discard(@PathVariable UUID id) {
        return calls.discard(id);
    }
}

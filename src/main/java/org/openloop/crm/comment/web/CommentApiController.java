package org.openloop.crm.comment.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.comment.CommentManagement;
import org.openloop.crm.comment.CommentView;
import org.openloop.crm.platform.ApiVersions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Comments over REST (E8): reading and writing them needs read access to the record; authors edit and delete their own. */
@RestController
@RequestMapping("/api/v1/comments")
@Tag(name = "Comments")
class CommentApiController {

    private final CommentManagement comments;

    CommentApiController(CommentManagement comments) {
        this.comments = comments;
    }

    record CommentRequest(String recordType, UUID recordId, String text) {
    }

    /** A new text for a comment and the version it was based on (or send it in {@code If-Match}). */
    record CommentEdit(String text, Long version) {
    }

    @GetMapping
    @Operation(summary = "Comments on a record, oldest first (at most 200)")
    List<CommentView> list(@RequestParam String recordType, @RequestParam UUID recordId) {
        return comments.commentsOn(recordType, recordId);
    }

    @PostMapping
    @Operation(summary = "Comment on a record; @username tells that user if they may read the record")
    ResponseEntity<CommentView> add(@RequestBody CommentRequest request) {
        CommentView created = comments.add(request.recordType(), request.recordId(), request.text());
        return ResponseEntity.created(URI.create("/api/v1/comments/" + created.id()))
                .eTag("\"" + created.version() + "\"").body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One comment on a record the caller may read; its version is the ETag")
    ResponseEntity<CommentView> get(@PathVariable UUID id) {
        CommentView comment = comments.comment(id);
        return ApiVersions.ok(comment, comment.version());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit one's own comment; version in the body or If-Match",
            description = "Same text rules as a new comment. Only its author may edit it (403), while they may read "
                    + "the record (404). A stale version answers 409 (412 with If-Match). Users newly mentioned by "
                    + "the edit are told if they may read the record.")
    ResponseEntity<CommentView> edit(@PathVariable UUID id, @RequestBody CommentEdit request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, request.version());
        CommentView edited = comments.edit(id, request.text(), expected.version(), expected.fromIfMatch());
        return ApiVersions.ok(edited, edited.version());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a comment: its author, or an administrator (403 for anyone else)")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        comments.delete(id);
        return ResponseEntity.noContent().build();
    }
}

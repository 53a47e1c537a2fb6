package org.openloop.crm.comment.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.comment.CommentManagement;
import org.openloop.crm.comment.CommentView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Comments over REST (E8): reading and writing them needs read access to the record. */
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

    @GetMapping
    @Operation(summary = "Comments on a record, oldest first (at most 200)")
    List<CommentView> list(@RequestParam String recordType, @RequestParam UUID recordId) {
        return comments.commentsOn(recordType, recordId);
    }

    @PostMapping
    @Operation(summary = "Comment on a record; @username tells that user if they may read the record")
    ResponseEntity<CommentView> add(@RequestBody CommentRequest request) {
        CommentView created = comments.add(request.recordType(), request.recordId(), request.text());
        return ResponseEntity.created(URI.create("/api/v1/comments/" + created.id())).body(created);
    }
}

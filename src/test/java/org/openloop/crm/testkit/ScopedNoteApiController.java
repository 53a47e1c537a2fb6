package org.openloop.crm.testkit;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListQuery;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.ListQuery.Match;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Test only: {@link ScopedNote}s over REST with every verb the scope matrix knows, reading and writing exclusively
 * through {@link ScopedNotes}' scoped methods and {@link Exports}, exactly as a module facade would. No permission
 * checks, so what the matrix sees here is data scope alone.
 */
@RestController
@RequestMapping("/api/v1/test/scoped-notes")
class ScopedNoteApiController {

    static final ListQuery<ScopedNote> QUERY = ListQuery.of(ScopedNote.class)
            .sortable("title", String.class)
            .filter("title", String.class, Match.CONTAINS)
            .searchable("title")
            .defaultSort("title")
            .build();

    record NoteView(UUID id, String title, UUID ownerId, UUID departmentId, long version) {
        static NoteView of(ScopedNote note) {
            return new NoteView(note.getId(), note.getTitle(), note.getOwnerId(), note.getDepartmentId(),
                    note.getVersion());
        }
    }

    record Edit(String title) {
    }

    record Assign(UUID assigneeId) {
    }

    private final ScopedNotes notes;
    private final AccessControl access;
    private final Exports exports;

    ScopedNoteApiController(ScopedNotes notes, AccessControl access, Exports exports) {
        this.notes = notes;
        this.access = access;
        this.exports = exports;
    }

    @GetMapping
    @Transactional(readOnly = true)
    CursorPage<NoteView> list(@RequestParam Map<String, String> parameters) {
        return notes.pageVisible(QUERY, ListRequest.from(parameters), access.currentScope()).map(NoteView::of);
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    NoteView get(@PathVariable UUID id) {
        return NoteView.of(notes.getVisible(id, access.currentScope(), "note"));
    }

    @PutMapping("/{id}")
    @Transactional
    NoteView edit(@PathVariable UUID id, @RequestBody Edit edit) {
        ScopedNote note = notes.getVisible(id, access.currentScope(), "note");
        note.retitle(edit.title());
        notes.flush();
        return NoteView.of(note);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void delete(@PathVariable UUID id) {
        notes.delete(notes.getVisible(id, access.currentScope(), "note"));
    }

    @PostMapping("/{id}/transfer")
    @Transactional
    NoteView assign(@PathVariable UUID id, @RequestBody Assign assign) {
        ScopedNote note = notes.getVisible(id, access.currentScope(), "note");
        note.transferTo(assign.assigneeId(), access.departmentOf(assign.assigneeId()));
        notes.flush();
        return NoteView.of(note);
    }

    @GetMapping("/export")
    void export(@RequestParam(defaultValue = "csv") String format, @RequestParam Map<String, String> parameters,
            HttpServletResponse response) throws IOException {
        ListRequest request = ListRequest.from(parameters);
        exports.write(response, Exports.Format.of(format), "notes", "note", List.of("id", "title"),
                ZoneId.of("UTC"), sink -> {
                    ListRequest page = new ListRequest(null, ListQuery.MAX_SIZE, request.sort(), request.q(),
                            request.filters());
                    while (true) {
                        CursorPage<ScopedNote> batch = notes.pageVisible(QUERY, page, access.currentScope());
                        batch.items().forEach(n -> sink.row(List.of(n.getId(), n.getTitle())));
                        if (!batch.hasMore()) {
                            break;
                        }
                        page = new ListRequest(batch.nextCursor(), ListQuery.MAX_SIZE, request.sort(), request.q(),
                                request.filters());
                    }
                });
    }
}

package org.openloop.crm.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.platform.SavedListViews;
import org.openloop.crm.platform.SavedListViews.SavedListView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's saved list views (B1). {@code filters} are the list endpoint's own query parameters. */
@RestController
@RequestMapping("/api/v1/saved-views")
@Tag(name = "Saved list views")
class SavedViewApiController {

    record SavedViewRequest(String list, String name, Map<String, String> filters) {
    }

    private final SavedListViews views;

    SavedViewApiController(SavedListViews views) {
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "The caller's saved views of one list, by name")
    List<SavedListView> list(@RequestParam String list) {
        return views.mine(list);
    }

    @PostMapping
    @Operation(summary = "Save a view; saving under an existing name replaces its filters")
    ResponseEntity<SavedListView> save(@RequestBody SavedViewRequest request) {
        SavedListView saved = views.save(request.list(), request.name(), request.filters());
        return ResponseEntity.created(URI.create("/api/v1/saved-views/" + saved.id())).body(saved);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete one of the caller's views")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        views.delete(id);
        return ResponseEntity.noContent().build();
    }
}

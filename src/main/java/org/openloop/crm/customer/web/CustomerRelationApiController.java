package org.openloop.crm.customer.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.customer.CustomerRelationships;
import org.openloop.crm.customer.GroupTree;
import org.openloop.crm.customer.RelationTypeDraft;
import org.openloop.crm.customer.RelationTypeView;
import org.openloop.crm.customer.RelationView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Relations between customers (B4) over HTTP. */
@RestController
@Tag(name = "Customer relations")
class CustomerRelationApiController {

    record RelateRequest(UUID typeId, UUID otherId, Boolean otherIsParent) {
    }

    record Relations(List<RelationView> relations, List<GroupTree> groups) {
    }

    private final CustomerRelationships relationships;

    CustomerRelationApiController(CustomerRelationships relationships) {
        this.relationships = relationships;
    }

    @GetMapping("/api/v1/customer-relation-types")
    @Operation(summary = "Kinds of customer relations")
    List<RelationTypeView> types() {
        return relationships.types();
    }

    @PostMapping("/api/v1/customer-relation-types")
    @Operation(summary = "Add a kind of relation (needs customer:assign)")
    ResponseEntity<RelationTypeView> createType(@Valid @RequestBody RelationTypeDraft draft) {
        RelationTypeView created = relationships.createType(draft);
        return ResponseEntity.created(URI.create("/api/v1/customer-relation-types/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/customers/{id}/relations")
    @Operation(summary = "A customer's relations and the group trees it belongs to",
            description = "Related customers outside the caller's data scope appear without id, name or number.")
    Relations relations(@PathVariable UUID id) {
        return new Relations(relationships.relationsOf(id), relationships.groupsOf(id));
    }

    @PostMapping("/api/v1/customers/{id}/relations")
    @Operation(summary = "Relate another customer; `otherIsParent` puts it on the parent or master side",
            description = "Hierarchical kinds allow one parent per customer and refuse cycles (422).")
    ResponseEntity<RelationView> relate(@PathVariable UUID id, @RequestBody RelateRequest request) {
        RelationView created = relationships.relate(id, request.typeId(), request.otherId(),
                Boolean.TRUE.equals(request.otherIsParent()));
        return ResponseEntity.created(URI.create("/api/v1/customer-relations/" + created.id())).body(created);
    }

    @DeleteMapping("/api/v1/customer-relations/{relationId}")
    @Operation(summary = "Remove a relation")
    ResponseEntity<Void> unrelate(@PathVariable UUID relationId) {
        relationships.unrelate(relationId);
        return ResponseEntity.noContent().build();
    }
}

package org.openloop.crm.organization.web;

import java.util.UUID;

import org.openloop.crm.organization.DepartmentDraft;
import org.openloop.crm.organization.DepartmentSummary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The department form: name, place in the tree, coordinator (部门协调人) and display order. */
class DepartmentForm {

    @NotBlank
    @Size(max = 100)
    private String name;
    private UUID parentId;
    private UUID coordinatorId;
    @Min(0)
    @Max(9999)
    private Integer sortOrder = 0;
    private Long version;

    static DepartmentForm of(DepartmentSummary d) {
        DepartmentForm form = new DepartmentForm();
        form.name = d.name();
        form.parentId = d.parentId();
        form.coordinatorId = d.coordinatorId();
        form.sortOrder = d.sortOrder();
        form.version = d.version();
        return form;
    }

    DepartmentDraft toDraft() {
        return new DepartmentDraft(name, parentId, coordinatorId, sortOrder, version);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public UUID getParentId() {
        return parentId;
    }

    public void setParentId(UUID parentId) {
        this.parentId = parentId;
    }

    public UUID getCoordinatorId() {
        return coordinatorId;
    }

    public void setCoordinatorId(UUID coordinatorId) {
        this.coordinatorId = coordinatorId;
    }

    public Integer getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(Integer sortOrder) {
        this.sortOrder = sortOrder;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}

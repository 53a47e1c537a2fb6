package org.openloop.crm.organization.web;

import java.util.Set;
import java.util.TreeSet;

import org.openloop.crm.organization.RoleDraft;
import org.openloop.crm.organization.RoleSummary;
import org.openloop.crm.shared.DataScope;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The role form: the code (on creation only), name, data scope (数据范围), the sensitive-field right and the
 * permission matrix, whose checked cells arrive as repeated {@code permissions=module:action} parameters.
 */
class RoleForm {

    @Pattern(regexp = "[A-Z][A-Z0-9_]{1,49}", message = "{role.code.pattern}")
    private String code;
    @NotBlank
    @Size(max = 100)
    private String name;
    @NotNull
    private DataScope.Level dataScope = DataScope.Level.OWN;
    private boolean viewSensitive;
    private Set<String> permissions = new TreeSet<>();
    private Long version;

    static RoleForm of(RoleSummary role) {
        RoleForm form = new RoleForm();
        form.code = role.code();
        form.name = role.name();
        form.dataScope = role.dataScope();
        form.viewSensitive = role.viewSensitive();
        form.permissions = new TreeSet<>(role.permissions());
        form.version = role.version();
        return form;
    }

    RoleDraft toDraft() {
        return new RoleDraft(code, name, dataScope, viewSensitive, permissions, version);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null || code.isBlank() ? null : code.trim();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public DataScope.Level getDataScope() {
        return dataScope;
    }

    public void setDataScope(DataScope.Level dataScope) {
        this.dataScope = dataScope;
    }

    public boolean isViewSensitive() {
        return viewSensitive;
    }

    public void setViewSensitive(boolean viewSensitive) {
        this.viewSensitive = viewSensitive;
    }

    public Set<String> getPermissions() {
        return permissions;
    }

    public void setPermissions(Set<String> permissions) {
        this.permissions = permissions == null ? new TreeSet<>() : new TreeSet<>(permissions);
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}

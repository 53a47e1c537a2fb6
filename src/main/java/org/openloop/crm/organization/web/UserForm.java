package org.openloop.crm.organization.web;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.organization.UserDraft;
import org.openloop.crm.organization.UserSummary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The user form. Username and password are used on creation only (the edit form does not post them); e-mail and
 * phone may come back as the mask the reader saw, which the facade resolves to the stored value.
 */
class UserForm {

    @Pattern(regexp = "[A-Za-z0-9._-]{3,50}", message = "{user.username.pattern}")
    private String username;
    @NotBlank
    @Size(max = 100)
    private String displayName;
    @Email
    @Size(max = 200)
    private String email;
    @Pattern(regexp = "\\+?[0-9][0-9 -]{5,30}|[0-9+]{3}\\*{4}[0-9]{4}|\\*{4}", message = "{user.phone.pattern}")
    private String phone;
    private UUID departmentId;
    private UUID managerId;
    private Set<UUID> roleIds = new LinkedHashSet<>();
    @Size(min = 8, max = 100, message = "{user.password.size}")
    private String password;
    private Long version;

    static UserForm of(UserSummary user, java.util.Map<String, UUID> roleIdsByCode) {
        UserForm form = new UserForm();
        form.username = user.username();
        form.displayName = user.displayName();
        form.email = user.email();
        form.phone = user.phone();
        form.departmentId = user.departmentId();
        form.managerId = user.managerId();
        user.roleCodes().stream().map(roleIdsByCode::get).filter(java.util.Objects::nonNull)
                .forEach(form.roleIds::add);
        form.version = user.version();
        return form;
    }

    /** The draft to create a user from. */
    UserDraft toNewDraft() {
        return new UserDraft(blankToNull(username), displayName, email, phone, departmentId, managerId, roleIds,
                password, null);
    }

    /** The draft to update a user from: never a username or password from this form. */
    UserDraft toUpdateDraft() {
        return new UserDraft(null, displayName, email, phone, departmentId, managerId, roleIds, null, version);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = blankToNull(username);
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = blankToNull(email);
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = blankToNull(phone);
    }

    public UUID getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(UUID departmentId) {
        this.departmentId = departmentId;
    }

    public UUID getManagerId() {
        return managerId;
    }

    public void setManagerId(UUID managerId) {
        this.managerId = managerId;
    }

    public Set<UUID> getRoleIds() {
        return roleIds;
    }

    public void setRoleIds(Set<UUID> roleIds) {
        this.roleIds = roleIds == null ? new LinkedHashSet<>() : roleIds;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        // Not trimmed: spaces may be part of a password; only an empty field means "none".
        this.password = password == null || password.isEmpty() ? null : password;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}

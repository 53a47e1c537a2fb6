package org.openloop.crm.organization.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.audit.Audited;
import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.Sensitive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A user of the CRM (A1). Users are deactivated, never deleted, so history keeps its people. */
@Entity
@EntityListeners(OrganizationCacheEviction.class)
@Table(name = "app_user")
@Audited(value = "user", ignore = "passwordHash")
public class UserAccount {

    @Id
    private UUID id;
    private String username;
    @Column(name = "display_name")
    private String displayName;
    @Sensitive(MaskStyle.EMAIL)
    private String email;
    @Sensitive(MaskStyle.PHONE)
    private String phone;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "department_id")
    private UUID departmentId;
    @Column(name = "manager_id")
    private UUID managerId;
    private boolean active = true;
    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "role_id"))
    private Set<Role> roles = new HashSet<>();
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected UserAccount() {
    }

    public UserAccount(String username, String passwordHash, Instant now) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.passwordHash = passwordHash;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void update(String displayName, String email, String phone, UUID departmentId, UUID managerId,
            Set<Role> roles, Instant now) {
        this.displayName = displayName;
        this.email = email;
        this.phone = phone;
        this.departmentId = departmentId;
        this.managerId = managerId;
        this.roles.clear();
        this.roles.addAll(roles);
        this.updatedAt = now;
    }

    public void changePassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.updatedAt = now;
    }

    public void setActive(boolean active, Instant now) {
        this.active = active;
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public UUID getDepartmentId() {
        return departmentId;
    }

    public UUID getManagerId() {
        return managerId;
    }

    public boolean isActive() {
        return active;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

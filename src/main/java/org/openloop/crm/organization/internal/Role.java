package org.openloop.crm.organization.internal;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.openloop.crm.audit.Audited;
import org.openloop.crm.shared.DataScope;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A role (A2): module permissions, a data scope (A3) and whether it may see sensitive fields (A4). */
@Entity
@EntityListeners(OrganizationCacheEviction.class)
@Table(name = "app_role")
@Audited("role")
public class Role {

    @Id
    private UUID id;
    private String code;
    private String name;
    @Column(name = "built_in")
    private boolean builtIn;
    @Enumerated(EnumType.STRING)
    @Column(name = "data_scope")
    private DataScope.Level dataScope;
    @Column(name = "view_sensitive")
    private boolean viewSensitive;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "role_permission", joinColumns = @JoinColumn(name = "role_id"))
    @Column(name = "permission")
    private Set<String> permissions = new TreeSet<>();
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Role() {
    }

    public Role(String code, String name, boolean builtIn, Instant now) {
        this.id = UUID.randomUUID();
        this.code = code;
        this.name = name;
        this.builtIn = builtIn;
        this.dataScope = DataScope.Level.OWN;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void update(String name, DataScope.Level dataScope, boolean viewSensitive, Set<String> permissions,
            Instant now) {
        this.name = name;
        this.dataScope = dataScope;
        this.viewSensitive = viewSensitive;
        this.permissions.clear();
        this.permissions.addAll(permissions);
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public boolean isBuiltIn() {
        return builtIn;
    }

    public DataScope.Level getDataScope() {
        return dataScope;
    }

    public boolean isViewSensitive() {
        return viewSensitive;
    }

    public Set<String> getPermissions() {
        return Set.copyOf(permissions);
    }

    public long getVersion() {
        return version;
    }
}

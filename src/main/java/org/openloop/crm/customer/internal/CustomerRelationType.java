package org.openloop.crm.customer.internal;

import java.util.UUID;

import org.openloop.crm.audit.Audited;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A kind of relation between customers (B4), named in both languages for both sides. */
@Entity
@Table(name = "customer_relation_type")
@Audited("customerRelationType")
public class CustomerRelationType {

    @Id
    private UUID id;
    private String code;
    @Column(name = "name_zh")
    private String nameZh;
    @Column(name = "name_en")
    private String nameEn;
    @Column(name = "from_role_zh")
    private String fromRoleZh;
    @Column(name = "from_role_en")
    private String fromRoleEn;
    @Column(name = "to_role_zh")
    private String toRoleZh;
    @Column(name = "to_role_en")
    private String toRoleEn;
    private boolean hierarchical;
    @Column(name = "built_in")
    private boolean builtIn;
    @Version
    private long version;

    protected CustomerRelationType() {
    }

    public CustomerRelationType(String code, String nameZh, String nameEn, String fromRoleZh, String fromRoleEn,
            String toRoleZh, String toRoleEn, boolean hierarchical) {
        this.id = UUID.randomUUID();
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.fromRoleZh = fromRoleZh;
        this.fromRoleEn = fromRoleEn;
        this.toRoleZh = toRoleZh;
        this.toRoleEn = toRoleEn;
        this.hierarchical = hierarchical;
    }

    public UUID getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public String getFromRoleZh() {
        return fromRoleZh;
    }

    public String getFromRoleEn() {
        return fromRoleEn;
    }

    public String getToRoleZh() {
        return toRoleZh;
    }

    public String getToRoleEn() {
        return toRoleEn;
    }

    public boolean isHierarchical() {
        return hierarchical;
    }

    public boolean isBuiltIn() {
        return builtIn;
    }
}

package org.openloop.crm.testkit;

import java.util.UUID;

import org.openloop.crm.shared.OwnedRecord;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Test only: the smallest possible owned record (A3), so the test kit can be checked on its own. */
@Entity
@Table(name = "scoped_note")
public class ScopedNote implements OwnedRecord {

    @Id
    private UUID id;
    private String title;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Column(name = "department_id")
    private UUID departmentId;
    @Version
    private long version;

    protected ScopedNote() {
    }

    public ScopedNote(String title, UUID ownerId, UUID departmentId) {
        this.id = UUID.randomUUID();
        this.title = title;
        this.ownerId = ownerId;
        this.departmentId = departmentId;
    }

    public UUID getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void retitle(String title) {
        this.title = title;
    }

    public void transferTo(UUID ownerId, UUID departmentId) {
        this.ownerId = ownerId;
        this.departmentId = departmentId;
    }

    @Override
    public UUID getOwnerId() {
        return ownerId;
    }

    @Override
    public UUID getDepartmentId() {
        return departmentId;
    }

    public long getVersion() {
        return version;
    }
}

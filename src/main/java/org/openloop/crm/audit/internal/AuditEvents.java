package org.openloop.crm.audit.internal;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

public interface AuditEvents extends Repository<AuditEvent, UUID>, JpaSpecificationExecutor<AuditEvent> {
}

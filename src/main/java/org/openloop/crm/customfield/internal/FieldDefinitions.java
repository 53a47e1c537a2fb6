package org.openloop.crm.customfield.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FieldDefinitions extends JpaRepository<FieldDefinition, UUID> {

    List<FieldDefinition> findByRecordTypeOrderByDisplayOrderAscCreatedAtAsc(String recordType);

    boolean existsByRecordTypeAndKey(String recordType, String key);
}

package org.openloop.crm.messaging.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EmailTemplates extends JpaRepository<EmailTemplate, UUID> {

    List<EmailTemplate> findAllByOrderByNameAsc();

    Optional<EmailTemplate> findByName(String name);
}

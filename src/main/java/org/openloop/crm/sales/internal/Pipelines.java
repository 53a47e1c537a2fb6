package org.openloop.crm.sales.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Pipelines extends JpaRepository<Pipeline, UUID> {

    List<Pipeline> findAllByOrderByPositionAscNameAsc();

    Optional<Pipeline> findFirstByDefaultPipelineTrue();

    Optional<Pipeline> findFirstByName(String name);
}

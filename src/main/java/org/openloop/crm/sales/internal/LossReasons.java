package org.openloop.crm.sales.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LossReasons extends JpaRepository<LossReason, UUID> {

    List<LossReason> findAllByOrderByPositionAscNameAsc();

    Optional<LossReason> findByName(String name);
}

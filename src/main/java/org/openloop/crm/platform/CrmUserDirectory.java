package org.openloop.crm.platform;

import java.util.Optional;
import java.util.UUID;

/**
 * Where authentication finds users. Implemented by the organisation module, so the platform does not depend on it.
 */
public interface CrmUserDirectory {

    Optional<CrmUserDetails> findByUsername(String username);

    Optional<CrmUserDetails> findById(UUID userId);
}

package org.openloop.crm.collaboration;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new collaboration task (E1). The initiator is the caller; the people asked must be active users. */
public record CollaborationDraft(@NotNull UUID customerId, Set<UUID> departmentIds, Set<UUID> userIds,
        @NotBlank @Size(max = 2000) String content, @Size(max = 4000) String background,
        @NotNull Instant expectedAt, @Size(max = 2000) String resources, @NotNull CollaborationPriority priority) {
}

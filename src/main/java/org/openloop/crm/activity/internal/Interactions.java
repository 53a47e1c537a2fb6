package org.openloop.crm.activity.internal;

import java.util.UUID;

import org.openloop.crm.shared.ScopedRepository;

public interface Interactions extends ScopedRepository<Interaction, UUID> {
}

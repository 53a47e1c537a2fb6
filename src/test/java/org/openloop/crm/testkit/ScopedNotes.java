package org.openloop.crm.testkit;

import java.util.UUID;

import org.openloop.crm.shared.ScopedRepository;

public interface ScopedNotes extends ScopedRepository<ScopedNote, UUID> {
}

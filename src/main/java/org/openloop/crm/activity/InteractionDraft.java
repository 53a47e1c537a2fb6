package org.openloop.crm.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.customer.CustomerType;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a user records about an interaction (C1). Owner and department are never part of it: they are the author's.
 * {@code customerType} and {@code tagIds}, when given, change the customer in the same save; {@code createTasks}
 * turns every to-do into a task at once. {@code opportunityId}, when given, names an opportunity of the same customer
 * that accepts new activity (F2).
 */
public record InteractionDraft(
        @NotNull UUID customerId,
        @NotNull InteractionChannel channel,
        @NotNull Instant occurredAt,
        @Size(max = 200) String place,
        @Size(max = 50) List<UUID> participantIds,
        @Size(max = 50) List<UUID> contactIds,
        @NotBlank @Size(max = 200) String subject,
        @Size(max = 4000) String summary,
        @Size(max = 4000) String feedback,
        @Size(max = 4000) String agreements,
        @Size(max = 50) List<@Valid TodoDraft> todos,
        Boolean createTasks,
        CustomerType customerType,
        @Size(max = 20) List<UUID> tagIds,
        UUID opportunityId,
        Long version) {

    public InteractionDraft {
        place = trim(place);
        subject = trim(subject);
        summary = trim(summary);
        feedback = trim(feedback);
        agreements = trim(agreements);
        participantIds = participantIds == null ? List.of() : participantIds.stream().distinct().toList();
        contactIds = contactIds == null ? List.of() : contactIds.stream().distinct().toList();
        createTasks = Boolean.TRUE.equals(createTasks);
        todos = todos == null ? List.of() : todos.stream().filter(t -> t != null).toList();
    }

    static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

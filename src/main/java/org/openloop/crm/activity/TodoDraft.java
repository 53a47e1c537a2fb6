package org.openloop.crm.activity;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A to-do agreed in an interaction (待办事项): it becomes a task for {@code ownerId} (the author when empty). */
public record TodoDraft(@NotBlank @Size(max = 500) String text, UUID ownerId, Instant dueAt) {

    public TodoDraft {
        text = text == null ? null : text.trim();
    }
}

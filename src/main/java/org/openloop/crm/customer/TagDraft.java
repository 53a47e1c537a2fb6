package org.openloop.crm.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A managed tag's name and colour (B3). */
public record TagDraft(@NotBlank @Size(max = 40) String name, @NotNull TagColour colour, Long version) {

    public TagDraft {
        name = name == null ? null : name.strip();
    }
}

package org.openloop.crm.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new kind of customer relation (B4). */
public record RelationTypeDraft(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String code,
        @NotBlank @Size(max = 60) String nameZh, @NotBlank @Size(max = 60) String nameEn,
        @NotBlank @Size(max = 60) String fromRoleZh, @NotBlank @Size(max = 60) String fromRoleEn,
        @NotBlank @Size(max = 60) String toRoleZh, @NotBlank @Size(max = 60) String toRoleEn, boolean hierarchical) {
}

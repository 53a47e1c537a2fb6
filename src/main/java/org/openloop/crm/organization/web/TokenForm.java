package org.openloop.crm.organization.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Creating a personal API token: only its name is chosen. */
class TokenForm {

    @NotBlank(message = "{token.name.invalid}")
    @Size(max = 100, message = "{token.name.invalid}")
    private String name;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}

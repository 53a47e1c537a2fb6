package org.openloop.crm;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure of docs/architecture.md holds: no cycles, no access to another module's internals. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(CrmApplication.class);

    @Test
    @DisplayName("modules depend only on each other's public API, without cycles")
    void verifiesModularStructure() {
        MODULES.verify();
    }

    @Test
    @DisplayName("writes the module documentation to target/spring-modulith-docs")
    void writesDocumentation() {
        new Documenter(MODULES).writeDocumentation();
    }
}

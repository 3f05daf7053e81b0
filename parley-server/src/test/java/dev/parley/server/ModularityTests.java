package dev.parley.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The server's modules only use each other's public top-level types, without cycles; writes the module docs. */
class ModularityTests {
    private final ApplicationModules modules = ApplicationModules.of(ParleyApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}

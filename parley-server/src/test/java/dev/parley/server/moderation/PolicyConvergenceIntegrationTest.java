package dev.parley.server.moderation;

import dev.parley.server.support.WithH2;
import dev.parley.server.support.WithPostgres;
import org.junit.jupiter.api.Nested;

/** Nodes converging on the active policy, on both databases. */
class PolicyConvergenceIntegrationTest {

    @Nested
    @WithH2
    class OnH2 extends PolicyConvergenceContract {}

    @Nested
    @WithPostgres
    class OnPostgres extends PolicyConvergenceContract {}
}

package dev.parley.server.moderation;

import dev.parley.server.support.WithH2;
import dev.parley.server.support.WithPostgres;
import org.junit.jupiter.api.Nested;

/** The operator's policy management and the send path's real rules, on both databases. */
class PolicyAdminIntegrationTest {

    @Nested
    @WithH2
    class OnH2 extends PolicyAdminContract {}

    @Nested
    @WithPostgres
    class OnPostgres extends PolicyAdminContract {}
}

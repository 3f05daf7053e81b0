package dev.parley.server.cases.internal;

import dev.parley.server.support.WithH2;
import dev.parley.server.support.WithPostgres;
import org.junit.jupiter.api.Nested;

/** Claims of outbox notices by several nodes at once, on both databases. */
class OutboxClaimIntegrationTest {

    @Nested
    @WithH2
    class OnH2 extends OutboxClaimContract {}

    @Nested
    @WithPostgres
    class OnPostgres extends OutboxClaimContract {}
}

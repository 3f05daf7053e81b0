package dev.parley.server.messaging.internal;

import dev.parley.server.support.WithH2;
import dev.parley.server.support.WithPostgres;
import org.junit.jupiter.api.Nested;

/** {@link UnreadRepliesContract} on H2 and on PostgreSQL. */
class UnreadRepliesIntegrationTest {

    @Nested
    @WithH2
    class OnH2 extends UnreadRepliesContract {}

    @Nested
    @WithPostgres
    class OnPostgres extends UnreadRepliesContract {}
}

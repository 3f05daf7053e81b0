package dev.parley.server.messaging;

import dev.parley.server.support.WithH2;
import dev.parley.server.support.WithPostgres;
import org.junit.jupiter.api.Nested;

/** Real-time delivery right after the socket opens, on both databases. */
class RealtimeIntegrationTest {

    @Nested
    @WithH2
    class OnH2 extends RealtimeContract {}

    @Nested
    @WithPostgres
    class OnPostgres extends RealtimeContract {}
}

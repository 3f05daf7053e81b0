package dev.parley.server.messaging;

import dev.parley.server.support.WithPostgres;
import org.junit.jupiter.api.Nested;

/**
 * Real-time events across two nodes over Redis pub/sub. Several nodes need PostgreSQL (the embedded H2 is for one
 * node), so this runs on PostgreSQL only.
 */
class RealtimeAcrossNodesIntegrationTest {

    @Nested
    @WithPostgres
    class OnPostgres extends RealtimeAcrossNodesContract {}
}

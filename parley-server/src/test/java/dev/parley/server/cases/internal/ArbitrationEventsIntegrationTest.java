package dev.parley.server.cases.internal;

import dev.parley.server.support.WithH2;
import dev.parley.server.support.WithPostgres;
import org.junit.jupiter.api.Nested;

/** The events of disputes and the embedded default's kept notices, on both databases. */
class ArbitrationEventsIntegrationTest {

    @Nested
    @WithH2
    class OnH2 extends ArbitrationEventsContract {}

    @Nested
    @WithPostgres
    class OnPostgres extends ArbitrationEventsContract {}
}

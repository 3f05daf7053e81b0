package dev.parley.server.moderation;

import dev.parley.server.support.WithH2;
import dev.parley.server.support.WithPostgres;
import org.junit.jupiter.api.Nested;

/** A dry run over thousands of stored messages, on both databases. */
class PolicyDryRunVolumeIntegrationTest {

    @Nested
    @WithH2
    class OnH2 extends PolicyDryRunVolumeContract {}

    @Nested
    @WithPostgres
    class OnPostgres extends PolicyDryRunVolumeContract {}
}

package dev.parley.server.privacy;

import dev.parley.server.support.WithH2;
import dev.parley.server.support.WithPostgres;
import org.junit.jupiter.api.Nested;

/** {@link PrivacyApiContract} on H2 and on PostgreSQL. */
class PrivacyApiIntegrationTest {

    @Nested
    @WithH2
    class OnH2 extends PrivacyApiContract {}

    @Nested
    @WithPostgres
    class OnPostgres extends PrivacyApiContract {}
}

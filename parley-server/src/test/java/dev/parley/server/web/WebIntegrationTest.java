package dev.parley.server.web;

import dev.parley.server.support.WithH2;
import dev.parley.server.support.WithPostgres;
import org.junit.jupiter.api.Nested;

/** {@link WebContract} on H2 and on PostgreSQL. */
class WebIntegrationTest {

    @Nested
    @WithH2
    class OnH2 extends WebContract {}

    @Nested
    @WithPostgres
    class OnPostgres extends WebContract {}
}

package dev.parley.server.cases;

import dev.parley.server.support.WithH2;
import dev.parley.server.support.WithPostgres;
import org.junit.jupiter.api.Nested;

/** The cases API contract (review queue, reports, violations, enforcement, appeals, contests) on both databases. */
class CasesApiIntegrationTest {

    @Nested
    @WithH2
    class OnH2 extends CasesApiContract {}

    @Nested
    @WithPostgres
    class OnPostgres extends CasesApiContract {}
}

package dev.parley.server.performance;

import dev.parley.server.support.WithH2;
import dev.parley.server.support.WithPostgres;
import org.junit.jupiter.api.Nested;

/** The stored evaluations and their API on both databases. */
class EvaluationIntegrationTest {

    @Nested
    @WithH2
    class OnH2 extends EvaluationContract {}

    @Nested
    @WithPostgres
    class OnPostgres extends EvaluationContract {}
}

package dev.parley.server.cases;

import dev.parley.server.support.WithH2;
import dev.parley.server.support.WithPostgres;
import org.junit.jupiter.api.Nested;

/** Disputes and the e-mail outbox through HTTP and a real SMTP server (GreenMail), on both databases. */
class DisputesIntegrationTest {

    @Nested
    @WithH2
    class OnH2 extends DisputesContract {}

    @Nested
    @WithPostgres
    class OnPostgres extends DisputesContract {}
}

package dev.parley.server.messaging;

import dev.parley.server.support.WithH2;
import dev.parley.server.support.WithPostgres;
import org.junit.jupiter.api.Nested;

/** The messaging API contract on both databases. */
class MessagingApiIntegrationTest {

    @Nested
    @WithH2
    class OnH2 extends MessagingApiContract {}

    @Nested
    @WithPostgres
    class OnPostgres extends MessagingApiContract {}
}

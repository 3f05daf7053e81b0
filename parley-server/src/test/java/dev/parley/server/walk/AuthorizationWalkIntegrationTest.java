package dev.parley.server.walk;

import dev.parley.server.support.WithH2;
import dev.parley.server.support.WithPostgres;
import org.junit.jupiter.api.Nested;

/** {@link AuthorizationWalkContract} on H2 and on PostgreSQL. */
class AuthorizationWalkIntegrationTest {

    @Nested
    @WithH2
    class OnH2 extends AuthorizationWalkContract {}

    @Nested
    @WithPostgres
    class OnPostgres extends AuthorizationWalkContract {}
}

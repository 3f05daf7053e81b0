package dev.parley.server.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs the annotated test class against a fresh throw-away schema in the PostgreSQL at 127.0.0.1:5432 (user postgres,
 * trust, database {@code test}). Where it is absent the tests are skipped with the reason, except when {@code
 * PARLEY_TEST_POSTGRES=required} or {@code CI=true}: then they fail.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
@ExtendWith(TestDatabases.PostgresCondition.class)
@ContextConfiguration(initializers = TestDatabases.Postgres.class)
public @interface WithPostgres {}

package dev.parley.server.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** The databases of the dual-database tests: a fresh H2 or PostgreSQL schema per Spring context. */
public final class TestDatabases {
    static final String PG_HOST = System.getProperty("parley.test.pg-host", "127.0.0.1:5432");
    static final String PG_BASE = "jdbc:postgresql://" + PG_HOST + "/test";
    static final String PG_USER = "postgres";
    private static volatile Boolean reachable;

    private TestDatabases() {}

    /** Whether the PostgreSQL tests must run (CI): then an absent server fails them instead of skipping. */
    static boolean postgresRequired() {
        return "required".equalsIgnoreCase(System.getenv("PARLEY_TEST_POSTGRES"))
                || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static synchronized boolean postgresReachable() {
        if (reachable == null) {
            try (Connection c = DriverManager.getConnection(PG_BASE + "?connectTimeout=3", PG_USER, "")) {
                reachable = c.isValid(3);
            } catch (SQLException e) {
                reachable = false;
            }
        }
        return reachable;
    }

    /** A fresh in-memory H2 database in PostgreSQL mode. */
    public static final class H2 implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String name = "parley-" + UUID.randomUUID();
            TestPropertyValues.of(
                            "spring.datasource.url=jdbc:h2:mem:" + name
                                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                            "spring.datasource.username=sa",
                            "spring.datasource.password=")
                    .applyTo(context);
        }
    }

    /** A fresh schema in the test PostgreSQL; schemas of earlier runs are dropped. */
    public static final class Postgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        private static final List<String> CREATED = new ArrayList<>();

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            if (!postgresReachable()) {
                throw new IllegalStateException("PostgreSQL is not reachable at " + PG_HOST
                        + " (user postgres, database test), and the PostgreSQL tests are required here");
            }
            String schema = "parley_test_" + System.currentTimeMillis() + "_"
                    + UUID.randomUUID().toString().substring(0, 8);
            try (Connection c = DriverManager.getConnection(PG_BASE, PG_USER, "");
                    Statement s = c.createStatement()) {
                dropStale(c);
                s.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create a test schema in PostgreSQL", e);
            }
            synchronized (CREATED) {
                CREATED.add(schema);
            }
            TestPropertyValues.of(
                            "spring.datasource.url=" + PG_BASE + "?currentSchema=" + schema,
                            "spring.datasource.username=" + PG_USER,
                            "spring.datasource.password=",
                            "spring.flyway.schemas=" + schema,
                            "spring.datasource.hikari.maximum-pool-size=8")
                    .applyTo(context);
        }

        /** Drops the test schemas left by runs that ended more than an hour ago. */
        private static void dropStale(Connection c) throws SQLException {
            long hourAgo = System.currentTimeMillis() - 3_600_000L;
            List<String> stale = new ArrayList<>();
            try (var rs = c.createStatement()
                    .executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'parley\\_test\\_%'")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String[] parts = name.split("_");
                    try {
                        if (parts.length >= 3 && Long.parseLong(parts[2]) < hourAgo) {
                            stale.add(name);
                        }
                    } catch (NumberFormatException ignored) {
                        // not one of ours
                    }
                }
            }
            for (String name : stale) {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
                }
            }
        }
    }

    /** Skips PostgreSQL tests where the server is absent, unless they are required (then they fail). */
    public static final class PostgresCondition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (postgresReachable()) {
                return ConditionEvaluationResult.enabled("PostgreSQL is reachable at " + PG_HOST);
            }
            if (postgresRequired()) {
                return ConditionEvaluationResult.enabled(
                        "PostgreSQL is required (PARLEY_TEST_POSTGRES=required or CI=true) but not reachable at "
                                + PG_HOST + ": these tests will fail");
            }
            return ConditionEvaluationResult.disabled("skipped: no PostgreSQL at " + PG_HOST
                    + " (user postgres, trust auth, database test); start one, or set PARLEY_TEST_POSTGRES=required"
                    + " to make this a failure");
        }
    }
}

package dev.parley.server.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * The databases Parley runs on: an alias, its JDBC driver, a URL template and what differs in their SQL. H2 is the
 * embedded single-node default; PostgreSQL is for production and clusters.
 */
public enum Database {
    H2(
            "h2",
            "org.h2.Driver",
            "jdbc:h2:file:%s/parley;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            false),
    POSTGRES("postgres", "org.postgresql.Driver", "jdbc:postgresql://%s/%s", true);

    private final String alias;
    private final String driver;
    private final String urlTemplate;
    private final boolean production;

    Database(String alias, String driver, String urlTemplate, boolean production) {
        this.alias = alias;
        this.driver = driver;
        this.urlTemplate = urlTemplate;
        this.production = production;
    }

    /** The short name used in configuration and logs. */
    public String alias() {
        return alias;
    }

    /** The JDBC driver class. */
    public String driver() {
        return driver;
    }

    /** The JDBC URL template: for H2 the data directory, for PostgreSQL host:port and database. */
    public String urlTemplate() {
        return urlTemplate;
    }

    /** Whether a production deployment may run on it. */
    public boolean fitForProduction() {
        return production;
    }

    /** The database a JDBC URL points at. */
    public static Optional<Database> fromUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return Optional.of(H2);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Optional.of(POSTGRES);
        }
        return Optional.empty();
    }

    /** The database with this alias ({@code h2}, {@code postgres} or {@code postgresql}). */
    public static Optional<Database> fromAlias(String alias) {
        String a = alias.toLowerCase(Locale.ROOT);
        for (Database d : values()) {
            if (d.alias.equals(a) || (d == POSTGRES && a.equals("postgresql"))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}

package dev.parley.server.shared;

import java.util.Arrays;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which database this node runs on, and the start-up guards: a production profile refuses H2, and an unknown database
 * is refused. Also decides whether the demo data is loaded: on H2 unless {@code parley.demo=false}, on PostgreSQL
 * only with {@code parley.demo=true}.
 */
@Component
public class DatabaseEnvironment {
    private final Database database;
    private final boolean demo;

    DatabaseEnvironment(
            Environment environment,
            DataSource dataSource,
            @Value("${spring.datasource.url:}") String url,
            @Value("${parley.demo:}") String demoSetting) {
        this.database = Database.fromUrl(url)
                .orElseThrow(() -> new IllegalStateException(
                        "Parley runs on H2 or PostgreSQL; PARLEY_DB_URL '" + url + "' is neither"));
        boolean production = Arrays.stream(environment.getActiveProfiles())
                .anyMatch(p -> p.equalsIgnoreCase("prod") || p.equalsIgnoreCase("production"));
        if (production && !database.fitForProduction()) {
            throw new IllegalStateException(
                    "the production profile refuses the embedded H2 database: set PARLEY_DB_URL "
                            + "(and PARLEY_DB_USER, PARLEY_DB_PASSWORD) to a PostgreSQL database");
        }
        this.demo = demoSetting.isBlank() ? database == Database.H2 : Boolean.parseBoolean(demoSetting.trim());
    }

    /** The database of this node. */
    public Database database() {
        return database;
    }

    /** Whether to load the demo data of the API guide. */
    public boolean loadDemo() {
        return demo;
    }
}

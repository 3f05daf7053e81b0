package dev.parley.server.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says where to go once the server is up. */
@Component
class StartupAnnouncement {
    private static final Logger log = LoggerFactory.getLogger(StartupAnnouncement.class);
    private final DatabaseEnvironment environment;

    StartupAnnouncement(DatabaseEnvironment environment) {
        this.environment = environment;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort()
                : 8080;
        String base = "http://localhost:" + port;
        StringBuilder text = new StringBuilder()
                .append("\n\n  Parley is running on ")
                .append(environment.database().alias())
                .append(".\n  API:       ")
                .append(base)
                .append("/api/v1  (sign in: POST /api/v1/auth/token)")
                .append("\n  OpenAPI:   ")
                .append(base)
                .append("/v3/api-docs\n  Real time: ws://localhost:")
                .append(port)
                .append("/ws?access_token=<token>\n  Health:    ")
                .append(base)
                .append("/actuator/health\n");
        if (environment.loadDemo()) {
            text.append("  Demo users (password 'demo'): buyer1, buyer2, owner1, admin1, agent1 (demo-shop),")
                    .append(" admin2, agent2 (other-shop), reviewer1, arbitrator1, operator1\n");
        }
        log.info(text.toString());
    }
}

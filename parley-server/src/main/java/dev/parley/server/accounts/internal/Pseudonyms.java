package dev.parley.server.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pseudonyms of erased users: {@code <kind>-} and 12 hex digits of HMAC-SHA256(key, user id), stable for a user
 * and not reversible without the key. The key is {@code parley.accounts.pseudonym-key}, or a random one kept in the
 * database (made once, shared by every node).
 */
@Component
public class Pseudonyms {
    private final JdbcClient jdbc;
    private final AccountsSettings settings;
    private final Clock clock;
    private volatile byte[] key = new byte[0];

    Pseudonyms(JdbcClient jdbc, AccountsSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Makes or reads the key at start, outside any transaction (a lost race with another node is harmless). */
    @EventListener(ApplicationReadyEvent.class)
    void loadKey() {
        key();
    }

    /** The pseudonym of {@code userId}, e.g. {@code buyer-7f3a09c1d2e4}. */
    public String of(String userId, String kind) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] digest = mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
            return kind.toLowerCase(Locale.ROOT) + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        if (key.length > 0) {
            return key;
        }
        if (!settings.pseudonymKey().isBlank()) {
            key = settings.pseudonymKey().getBytes(StandardCharsets.UTF_8);
            return key;
        }
        String stored = jdbc.sql("SELECT secret FROM pseudonym_key WHERE id = 1")
                .query(String.class)
                .optional()
                .orElse(null);
        if (stored == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                jdbc.sql("INSERT INTO pseudonym_key (id, secret, created_at) VALUES (1, ?, ?)")
                        .params(Base64.getEncoder().encodeToString(fresh), Timestamp.from(clock.instant()))
                        .update();
            } catch (DuplicateKeyException e) {
                // another node made it first; read theirs below
            }
            stored = jdbc.sql("SELECT secret FROM pseudonym_key WHERE id = 1")
                    .query(String.class)
                    .single();
        }
        key = Base64.getDecoder().decode(stored);
        return key;
    }
}

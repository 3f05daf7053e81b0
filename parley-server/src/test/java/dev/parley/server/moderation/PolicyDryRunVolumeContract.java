package dev.parley.server.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.support.ApiClient.Response;
import dev.parley.server.support.ServerTestSupport;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A dry run over thousands of stored seller messages (written straight into the tables, as a busy shop's history
 * would be): the counts are exact, it stays within its bounds, and it prints how long it took.
 */
abstract class PolicyDryRunVolumeContract extends ServerTestSupport {
    private static final int CONVERSATIONS = 100;
    private static final int PER_CONVERSATION = 50;
    private static final List<String> TEXTS = List.of(
            "Hola, su pedido llegará mañana por la tarde, gracias por su paciencia",
            "Please read our size guide at https://shop.example.com/size-guide first",
            "Yes, it is true to size; M fits most people of 1.75 m.",
            "Yes! Big weekend sale on every hoodie, follow our shop so you never miss new arrivals!");
    private static final List<String> STATUS = List.of("DELIVERED", "BLOCKED", "DELIVERED", "HELD");

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aDryRunOverThousandsOfMessagesCountsEveryChangeWithinItsBounds() {
        World w = world();
        String operator = api.token("operator1", "demo");
        List<String> buyers = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            String id = w.buyer() + "-v" + b;
            Response r = api.put("/api/v1/operator/users/" + id, operator, Map.of("displayName", "v" + b));
            assertThat(r.status()).isIn(200, 201);
            buyers.add(id);
        }
        Instant now = clock.instant();
        List<Object[]> conversations = new ArrayList<>();
        List<Object[]> messages = new ArrayList<>();
        int[] perText = new int[TEXTS.size()];
        for (int c = 0; c < CONVERSATIONS; c++) {
            String conversation = UUID.randomUUID().toString();
            Instant opened = now.minus(Duration.ofHours(40)).plusSeconds(c);
            conversations.add(new Object[] {
                conversation,
                w.shop(),
                buyers.get(c % buyers.size()),
                w.product(),
                Timestamp.from(opened),
                opened.toEpochMilli()
            });
            messages.add(message(
                    conversation, w.shop(), 1, "BUYER", "Hi, any discount on the hoodie?", "DELIVERED", opened));
            for (int i = 0; i < PER_CONVERSATION; i++) {
                int kind = (c + i) % TEXTS.size();
                perText[kind]++;
                Instant sent = opened.plusSeconds(60L * (i + 1) + c % 7);
                messages.add(message(conversation, w.shop(), i + 2, "SELLER", TEXTS.get(kind), STATUS.get(kind), sent));
            }
        }
        jdbc.batchUpdate(
                "INSERT INTO conversation (id, shop_id, buyer_id, product_id, status, created_at, last_message_ms,"
                        + " event_seq) VALUES (?, ?, ?, ?, 'OPEN', ?, ?, 1)",
                conversations);
        jdbc.batchUpdate(
                "INSERT INTO message (id, shop_id, conversation_id, seq, sender, sender_key, text, status, sent_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'seed', ?, ?, ?)",
                messages);
        clock.set(now.plusSeconds(1));

        String candidate = """
                version: "it-volume-1"
                actions:
                  language_mismatch: BLOCK
                allowed_domains: [tiktok.com, shop.example.com]
                """;
        long start = System.nanoTime();
        Response r =
                api.post("/api/v1/policy/dry-run", operator, Map.of("text", candidate, "days", 3, "shopId", w.shop()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        JsonNode d = r.json();
        int total = CONVERSATIONS * PER_CONVERSATION;
        assertThat(d.get("examined").asInt()).isEqualTo(total);
        assertThat(d.get("capped").asBoolean()).isFalse();
        assertThat(d.get("counts").get("newlyBlocked").asInt()).isEqualTo(perText[0]);
        assertThat(d.get("counts").get("noLongerBlocked").asInt()).isEqualTo(perText[1]);
        assertThat(d.get("counts").get("changed").asInt()).isEqualTo(perText[0] + perText[1]);
        assertThat(d.get("items")).hasSize(500);
        assertThat(d.get("itemsCapped").asBoolean()).isTrue();
        System.out.printf(
                "dry run over %d seller messages (%d advertising, each looked up in the shop's history): %d ms over"
                        + " HTTP, %d ms inside, %.0f messages/s%n",
                total, perText[3], millis, d.get("elapsedMs").asLong(), total * 1000.0 / Math.max(1, millis));

        String metrics = api.get("/actuator/prometheus", null).raw().body();
        metrics.lines()
                .filter(l -> l.startsWith("parley_policy_history_lookup_seconds"))
                .forEach(System.out::println);

        Response capped = api.post(
                "/api/v1/policy/dry-run",
                operator,
                Map.of("text", candidate, "days", 3, "shopId", w.shop(), "limit", 1000));
        assertThat(capped.json().get("examined").asInt()).isEqualTo(1000);
        assertThat(capped.json().get("cappedBy").asString()).isEqualTo("messages");
    }

    private static Object[] message(
            String conversation, String shop, long seq, String sender, String text, String status, Instant at) {
        return new Object[] {
            UUID.randomUUID().toString(), shop, conversation, seq, sender, text, status, Timestamp.from(at)
        };
    }
}

package dev.parley.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.support.ApiClient;
import dev.parley.server.support.ApiClient.Response;
import dev.parley.server.support.ServerTestSupport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The {@code /ws} socket delivers every event published after the client has seen it open, with no wait. */
abstract class RealtimeContract extends ServerTestSupport {
    private static final int ROUNDS = 30;

    @Test
    void aMessageSentTheMomentTheSocketOpensArrivesOnIt() {
        World w = world();
        String buyer = signIn(w.buyer());
        List<String> team = List.of(signIn(w.agent()), signIn(w.agent2()), signIn(w.admin()), signIn(w.owner()));
        String id = open(buyer, w, "Is the hoodie warm?");
        for (int round = 0; round < ROUNDS; round++) {
            boolean buyerListens = round % 2 == 1;
            String listener = buyerListens ? buyer : team.get(round / 2 % team.size());
            String writer = buyerListens ? team.get(round / 2 % team.size()) : buyer;
            try (ApiClient.Socket socket = api.socket(listener)) {
                Response sent = say(writer, id, "round " + round);
                assertThat(sent.status()).as("round %d: %s", round, sent).isEqualTo(201);
                String messageId = sent.json().get("id").asString();
                // An event of the round before may still be on its way to the new socket too; it is skipped.
                JsonNode frame = socket.next("message.created");
                while (frame != null && !frame.get("data").get("id").asString().equals(messageId)) {
                    frame = socket.next("message.created");
                }
                assertThat(frame)
                        .as("round %d: the %s's socket, opened just before, receives the message", round, listener)
                        .isNotNull();
            }
        }
    }

    @Test
    void concurrentSendsAreEachStoredOnceAcknowledgedAndDeliveredInOrder() throws Exception {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String id = open(buyer, w, "Several questions");
        int senders = 12;
        try (ApiClient.Socket socket = api.socket(agent);
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                // Each clientMessageId twice, at the same time: one message each, the other answer replays it.
                String key = "k" + (i / 2);
                sent.add(pool.submit(() -> api.post(
                        "/api/v1/conversations/" + id + "/messages",
                        buyer,
                        Map.of("text", "question " + key, "clientMessageId", key))));
            }
            Set<String> ids = new HashSet<>();
            for (Future<Response> f : sent) {
                Response r = f.get();
                assertThat(r.status()).as("%s", r).isIn(200, 201);
                ids.add(r.json().get("id").asString());
            }
            assertThat(ids).as("one message per clientMessageId").hasSize(senders / 2);
            List<String> delivered = new ArrayList<>();
            long lastSeq = 0;
            while (delivered.size() < ids.size()) {
                JsonNode frame = socket.next("message.created");
                assertThat(frame).as("delivered so far: %s", delivered).isNotNull();
                assertThat(frame.get("seq").asLong()).as("in order").isGreaterThan(lastSeq);
                lastSeq = frame.get("seq").asLong();
                delivered.add(frame.get("data").get("id").asString());
            }
            assertThat(delivered).containsExactlyInAnyOrderElementsOf(ids);
            JsonNode stored =
                    api.get("/api/v1/conversations/" + id + "/messages", agent).json();
            assertThat(stored.get("items"))
                    .as("the opening message and one per key")
                    .hasSize(1 + senders / 2);
        }
    }
}

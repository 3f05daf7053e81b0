package dev.parley.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.support.ApiClient;
import dev.parley.server.support.ApiClient.Response;
import dev.parley.server.support.ServerTestSupport;
import java.util.List;
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
                JsonNode frame = socket.next("message.created");
                assertThat(frame)
                        .as("round %d: the %s's socket, opened just before, receives the message", round, listener)
                        .isNotNull();
                assertThat(frame.get("data").get("id").asString()).isEqualTo(messageId);
            }
        }
    }
}

package dev.parley.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.server.ParleyApplication;
import dev.parley.server.support.ApiClient;
import dev.parley.server.support.ApiClient.Response;
import dev.parley.server.support.ServerTestSupport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * Two server nodes on one database and one Redis (127.0.0.1:6379): a buyer connected to node A and an agent connected
 * to node B see each other's messages and the conversation's changes, both ways. Skipped where Redis is absent, except
 * in CI ({@code CI=true}) or with {@code PARLEY_TEST_REDIS=required}: then it fails.
 */
abstract class RealtimeAcrossNodesContract extends ServerTestSupport {
    private static final String REDIS_HOST = "127.0.0.1";
    private static final int REDIS_PORT = 6379;

    @Autowired
    private Environment env;

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @BeforeEach
    void redis() {
        if (redisReachable()) {
            return;
        }
        String why = "no Redis at " + REDIS_HOST + ":" + REDIS_PORT;
        if ("true".equalsIgnoreCase(System.getenv("CI"))
                || "required".equalsIgnoreCase(System.getenv("PARLEY_TEST_REDIS"))) {
            fail(why + ", and the Redis tests are required here (CI=true or PARLEY_TEST_REDIS=required)");
        }
        assumeTrue(false, "skipped: " + why + "; start one, or set PARLEY_TEST_REDIS=required to make this a failure");
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
        nodes.clear();
    }

    @Test
    void aBuyerOnOneNodeAndAnAgentOnAnotherSeeEachOthersMessagesAndChanges() {
        ApiClient nodeA = node();
        ApiClient nodeB = node();
        World w = world();
        String buyer = nodeA.token(w.buyer(), "secret-pw");
        String agent = nodeB.token(w.agent(), "secret-pw");
        try (ApiClient.Socket buyerOnA = nodeA.socket(buyer);
                ApiClient.Socket agentOnB = nodeB.socket(agent)) {
            Response opened = nodeA.post(
                    "/api/v1/conversations",
                    buyer,
                    Map.of("shopId", w.shop(), "productId", w.product(), "text", "Is it in stock?"));
            assertThat(opened.status()).as("%s", opened).isEqualTo(201);
            String id = opened.json().get("id").asString();

            JsonNode openedForTeam = next(
                    agentOnB,
                    "conversation.updated",
                    d -> d.get("id").asString().equals(id));
            assertThat(openedForTeam).as("node B delivers the new conversation").isNotNull();
            assertThat(openedForTeam.get("data").get("unreadCount").asLong()).isEqualTo(1);
            JsonNode opening = next(
                    agentOnB,
                    "message.created",
                    d -> d.get("conversationId").asString().equals(id));
            assertThat(opening)
                    .as("node B delivers the buyer's message sent on node A")
                    .isNotNull();
            assertThat(opening.get("data").get("text").asString()).isEqualTo("Is it in stock?");
            assertThat(opening.get("data").get("senderId").asString()).isEqualTo(w.buyer());

            Response reply = nodeB.post(
                    "/api/v1/conversations/" + id + "/messages", agent, Map.of("text", "Yes, all sizes are in stock."));
            assertThat(reply.status()).as("%s", reply).isEqualTo(201);
            String replyId = reply.json().get("id").asString();
            JsonNode replied = next(
                    buyerOnA, "message.created", d -> d.get("id").asString().equals(replyId));
            assertThat(replied)
                    .as("node A delivers the agent's reply sent on node B")
                    .isNotNull();
            assertThat(replied.get("data").get("text").asString()).isEqualTo("Yes, all sizes are in stock.");
            assertThat(replied.get("data").has("senderId"))
                    .as("the buyer's view of a reply")
                    .isFalse();
            JsonNode unreadForBuyer = next(
                    buyerOnA, "conversation.updated", d -> d.get("unreadCount").asLong() == 1);
            assertThat(unreadForBuyer)
                    .as("node A delivers the conversation change with the buyer's unread count")
                    .isNotNull();

            Response assigned = nodeB.patch("/api/v1/conversations/" + id, agent, Map.of("assigneeId", w.agent()));
            assertThat(assigned.status()).as("%s", assigned).isEqualTo(200);
            JsonNode assignedForTeam = next(
                    agentOnB,
                    "conversation.updated",
                    d -> d.get("assigneeId").isString()
                            && d.get("assigneeId").asString().equals(w.agent()));
            assertThat(assignedForTeam).as("node B delivers its own change").isNotNull();
            JsonNode changedForBuyer = next(buyerOnA, "conversation.updated", d -> true);
            assertThat(changedForBuyer)
                    .as("node A delivers a change made on node B")
                    .isNotNull();
            assertThat(changedForBuyer.get("data").has("assigneeId"))
                    .as("the buyer's view")
                    .isFalse();

            Response again = nodeA.post(
                    "/api/v1/conversations/" + id + "/messages", buyer, Map.of("text", "Great, I will order now."));
            assertThat(again.status()).as("%s", again).isEqualTo(201);
            String againId = again.json().get("id").asString();
            assertThat(next(
                            agentOnB,
                            "message.created",
                            d -> d.get("id").asString().equals(againId)))
                    .as("node B delivers the buyer's second message")
                    .isNotNull();
            assertThat(next(
                            buyerOnA,
                            "message.created",
                            d -> d.get("id").asString().equals(againId)))
                    .as("the buyer's own node delivers it too")
                    .isNotNull();
        }
    }

    /** The next frame of {@code type} whose data matches, skipping others; null when none comes within 10 s. */
    private static @Nullable JsonNode next(ApiClient.Socket socket, String type, Predicate<JsonNode> data) {
        for (JsonNode frame = socket.next(type); frame != null; frame = socket.next(type)) {
            if (data.test(frame.get("data"))) {
                return frame;
            }
        }
        return null;
    }

    /** Another server node on this test's database, with Redis; returns a client of it. */
    private ApiClient node() {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + env.getProperty("spring.datasource.username", ""),
                "--spring.datasource.password=" + env.getProperty("spring.datasource.password", ""),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--server.port=0",
                "--parley.demo=false",
                "--parley.data-dir=target/test-data",
                "--parley.redis.url=redis://" + REDIS_HOST + ":" + REDIS_PORT,
                "--parley.evaluation.scheduler-enabled=false",
                "--logging.level.dev.parley=INFO"));
        String schemas = env.getProperty("spring.flyway.schemas");
        if (schemas != null) {
            args.add("--spring.flyway.schemas=" + schemas);
        }
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(ParleyApplication.class).run(args.toArray(String[]::new));
        nodes.add(context);
        return new ApiClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    private static boolean redisReachable() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(REDIS_HOST, REDIS_PORT), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

package dev.parley.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.MessagingRestriction;
import dev.parley.server.support.ApiClient;
import dev.parley.server.support.ApiClient.Response;
import dev.parley.server.support.ServerTestSupport;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The conversation and message API as api.md fixes it, written once and run on H2 and PostgreSQL. */
abstract class MessagingApiContract extends ServerTestSupport {
    private static final byte[] PNG = {
        (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };

    @Autowired
    Accounts accounts;

    @Autowired
    HeldMessages heldMessages;

    @Test
    void buyerOpensAgentSeesTheDeadlineRepliesAndTheBuyerReceivesItOverTheWebSocket() throws Exception {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        try (ApiClient.Socket buyerSocket = api.socket(buyer);
                ApiClient.Socket agentSocket = api.socket(agent)) {
            Instant before = clock.instant();
            Response opened = api.post(
                    "/api/v1/conversations",
                    buyer,
                    Map.of("shopId", w.shop(), "productId", w.product(), "text", "Does it come in XL?"));
            assertThat(opened.status()).isEqualTo(201);
            String id = opened.json().get("id").asString();
            assertThat(opened.json().get("message").get("text").asString()).isEqualTo("Does it come in XL?");
            assertThat(opened.json().get("message").get("sender").asString()).isEqualTo("buyer");

            JsonNode inbox = api.get("/api/v1/conversations", agent).json();
            JsonNode row = inbox.get("items").get(0);
            assertThat(row.get("id").asString()).isEqualTo(id);
            assertThat(row.get("awaitingReply").asBoolean()).isTrue();
            Instant sent =
                    Instant.parse(opened.json().get("message").get("sentAt").asString());
            assertThat(sent).isEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(Instant.parse(row.get("replyDeadline").asString())).isEqualTo(sent.plus(Duration.ofHours(72)));
            assertThat(Instant.parse(row.get("windowClosesAt").asString())).isEqualTo(sent.plus(Duration.ofHours(72)));
            assertThat(row.get("buyer").get("displayName").asString()).startsWith("shopper-");
            assertThat(row.toString()).doesNotContain("private@example.com", "Private Person", "+65 8123 0000");
            assertThat(row.get("unreadCount").asLong()).isEqualTo(1);

            JsonNode teamSawConversation = agentSocket.next("conversation.updated");
            assertThat(teamSawConversation.get("data").get("id").asString()).isEqualTo(id);
            JsonNode teamSawMessage = agentSocket.next("message.created");
            assertThat(teamSawMessage.get("seq").asLong())
                    .isGreaterThan(teamSawConversation.get("seq").asLong());

            clock.advance(Duration.ofMinutes(5));
            Response reply = say(agent, id, "Yes, XL is in stock.");
            assertThat(reply.status()).as("%s", reply).isEqualTo(201);
            assertThat(reply.json().get("verdict").get("action").asString()).isEqualTo("ALLOW");

            JsonNode frame = buyerSocket.next("message.created");
            assertThat(frame.get("data").get("sender").asString())
                    .as("first the buyer's own message")
                    .isEqualTo("buyer");
            frame = buyerSocket.next("message.created");
            assertThat(frame).as("the buyer's WebSocket got the reply").isNotNull();
            assertThat(frame.get("data").get("id").asString())
                    .isEqualTo(reply.json().get("id").asString());
            assertThat(frame.get("data").get("text").asString()).isEqualTo("Yes, XL is in stock.");
            assertThat(frame.get("data").get("status").asString()).isEqualTo("DELIVERED");
            Response buyerView = api.get("/api/v1/conversations/" + id + "/messages", buyer);
            assertThat(buyerView.json().get("items").get(1)).isEqualTo(frame.get("data"));

            JsonNode update = buyerSocket.next("conversation.updated");
            while (update != null
                    && update.get("seq").asLong() < frame.get("seq").asLong()) {
                update = buyerSocket.next("conversation.updated");
            }
            assertThat(update.get("seq").asLong()).isEqualTo(frame.get("seq").asLong() + 1);
            assertThat(update.get("data").get("unreadCount").asLong()).isEqualTo(1);

            JsonNode after = api.get("/api/v1/conversations/" + id, agent).json();
            assertThat(after.get("awaitingReply").asBoolean()).isFalse();
            assertThat(after.get("replyDeadline").isNull()).isTrue();
        }
    }

    @Test
    void aSellerCannotOpenAConversation() {
        World w = world();
        Response r = api.post(
                "/api/v1/conversations", signIn(w.agent()), Map.of("shopId", w.shop(), "text", "Big sale today!"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("rule").asString()).isEqualTo("unsolicited_marketing");
        assertThat(r.json().get("kind").asString()).isEqualTo("no_buyer_contact");
        assertThat(r.json().get("clause").asString()).isEqualTo("3.2");
        assertThat(r.json().get("type").asString()).isEqualTo("urn:parley:problem:no_buyer_contact");
    }

    @Test
    void theReplyWindowClosesAfter72HoursAndReopensWhenTheBuyerWrites() {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String id = open(buyer, w, "Where is my parcel?");
        Instant buyerAt = Instant.parse(api.get("/api/v1/conversations/" + id + "/messages", buyer)
                .json()
                .get("items")
                .get(0)
                .get("sentAt")
                .asString());

        clock.set(buyerAt.plus(Duration.ofHours(72)));
        assertThat(say(agent, id, "Checking now").status())
                .as("a send at exactly 72 hours")
                .isEqualTo(201);

        clock.set(buyerAt.plus(Duration.ofHours(72)).plusMillis(1));
        Response closed = say(agent, id, "Still checking");
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.json().get("type").asString()).isEqualTo("urn:parley:problem:reply_window_closed");
        assertThat(closed.json().get("rule").asString()).isEqualTo("reply_window_closed");
        assertThat(closed.json().get("clause").asString()).isEqualTo("4.1");

        assertThat(say(buyer, id, "Hello?").status()).isEqualTo(201);
        assertThat(say(agent, id, "It arrives tomorrow").status())
                .as("the window reopened")
                .isEqualTo(201);
        JsonNode view = api.get("/api/v1/conversations/" + id, agent).json();
        assertThat(Instant.parse(view.get("windowClosesAt").asString()))
                .isEqualTo(buyerAt.plus(Duration.ofHours(72)).plusMillis(1).plus(Duration.ofHours(72)));
    }

    @Test
    void aRepeatedClientMessageIdStoresOneMessage() {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String id = open(buyer, w, "Hi");
        Map<String, Object> body = Map.of("text", "Thanks for asking, it ships today", "clientMessageId", "c-1");
        Response first = api.post("/api/v1/conversations/" + id + "/messages", agent, body);
        Response again = api.post("/api/v1/conversations/" + id + "/messages", agent, body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(again.json()).as("the first answer's body again").isEqualTo(first.json());

        Response other = api.post(
                "/api/v1/conversations/" + id + "/messages",
                agent,
                Map.of("text", "different", "clientMessageId", "c-1"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("type").asString()).isEqualTo("urn:parley:problem:idempotency_key_reused");

        Map<String, Object> blocked = Map.of("text", "write to me at shop@example.com", "clientMessageId", "c-2");
        Response refused = api.post("/api/v1/conversations/" + id + "/messages", agent, blocked);
        Response refusedAgain = api.post("/api/v1/conversations/" + id + "/messages", agent, blocked);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refusedAgain.status()).isEqualTo(422);
        assertThat(refusedAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(refusedAgain.json().get("messageId"))
                .isEqualTo(refused.json().get("messageId"));

        JsonNode items = api.get("/api/v1/conversations/" + id + "/messages", agent)
                .json()
                .get("items");
        assertThat(items).hasSize(3);

        accounts.restrictMessaging(w.shop(), MessagingRestriction.HOLD_ALL);
        try {
            Map<String, Object> held = Map.of("text", "Let me ask the warehouse", "clientMessageId", "c-3");
            Response heldFirst = api.post("/api/v1/conversations/" + id + "/messages", agent, held);
            assertThat(heldFirst.status()).isEqualTo(202);
            heldMessages.release(heldFirst.json().get("id").asString(), "reviewer1");
            Response heldAgain = api.post("/api/v1/conversations/" + id + "/messages", agent, held);
            assertThat(heldAgain.status()).isEqualTo(202);
            assertThat(heldAgain.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(heldAgain.json())
                    .as("the first answer, not the message as reviewed since")
                    .isEqualTo(heldFirst.json());
        } finally {
            accounts.restrictMessaging(w.shop(), MessagingRestriction.NONE);
        }
    }

    @Test
    void otherShopsAndOtherBuyersGet404() {
        World w = world();
        World other = world();
        String id = open(signIn(w.buyer()), w, "Hello");
        for (String token : List.of(signIn(other.agent()), signIn(w.otherBuyer()), signIn(other.admin()))) {
            assertThat(api.get("/api/v1/conversations/" + id, token).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/conversations/" + id + "/messages", token)
                            .status())
                    .isEqualTo(404);
            Response send = say(token, id, "hi");
            assertThat(send.status()).isEqualTo(404);
            assertThat(send.json().get("type").asString()).isEqualTo("urn:parley:problem:not_found");
        }
        String unknown = "01a223a4-0000-7000-8000-000000000000";
        assertThat(api.get("/api/v1/conversations/" + unknown, signIn(w.agent()))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/conversations", signIn(other.agent()))
                        .json()
                        .get("items")
                        .toString())
                .doesNotContain(id);
        String reviewer = api.token("reviewer1", "demo");
        assertThat(api.get("/api/v1/conversations/" + id, reviewer).status()).isEqualTo(200);
        assertThat(say(reviewer, id, "hello").status())
                .as("staff other than the arbitrator")
                .isEqualTo(403);
    }

    @Test
    void aBlockedMessageIs422WithItsRuleAndIsKeptButNeverShownToTheBuyer() throws Exception {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String id = open(buyer, w, "Can I pay outside?");
        try (ApiClient.Socket buyerSocket = api.socket(buyer)) {
            Response r = say(agent, id, "Sure, e-mail me: deals@shop.example.com");
            assertThat(r.status()).isEqualTo(422);
            JsonNode p = r.json();
            assertThat(p.get("type").asString()).isEqualTo("urn:parley:problem:message_blocked");
            assertThat(p.get("rule").asString()).isEqualTo("off_platform_contact");
            assertThat(p.get("kind").asString()).isEqualTo("email");
            assertThat(p.get("clause").asString()).isEqualTo("3.4");
            assertThat(p.get("verdict").get("action").asString()).isEqualTo("BLOCK");
            JsonNode violation = p.get("verdict").get("violations").get(0);
            assertThat(violation.get("evidence").asString()).isEqualTo("deals@shop.example.com");
            String messageId = p.get("messageId").asString();

            JsonNode team = api.get("/api/v1/conversations/" + id + "/messages", agent)
                    .json()
                    .get("items");
            assertThat(team.get(1).get("id").asString()).isEqualTo(messageId);
            assertThat(team.get(1).get("status").asString()).isEqualTo("BLOCKED");
            JsonNode buyerItems = api.get("/api/v1/conversations/" + id + "/messages", buyer)
                    .json()
                    .get("items");
            assertThat(buyerItems).hasSize(1);
            assertThat(buyerSocket.drain(500).toString()).doesNotContain(messageId);
            assertThat(api.get("/api/v1/conversations/" + id, agent)
                            .json()
                            .get("awaitingReply")
                            .asBoolean())
                    .isTrue();
        }
    }

    @Test
    void aHeldMessageReachesTheBuyerOnlyWhenReleasedAndCanBeRetractedBefore() throws Exception {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String id = open(buyer, w, "Any discount?");
        accounts.restrictMessaging(w.shop(), MessagingRestriction.HOLD_ALL);
        try (ApiClient.Socket buyerSocket = api.socket(buyer);
                ApiClient.Socket agentSocket = api.socket(agent)) {
            clock.advance(Duration.ofMinutes(1));
            Response held = say(agent, id, "Let me check with my manager");
            assertThat(held.status()).isEqualTo(202);
            assertThat(held.json().get("status").asString()).isEqualTo("HELD");
            assertThat(held.json()
                            .get("verdict")
                            .get("violations")
                            .get(0)
                            .get("rule")
                            .asString())
                    .isEqualTo("enforcement_hold");
            Response retracted = say(agent, id, "Oops, wrong chat");
            String retractId = retracted.json().get("id").asString();
            Response retract =
                    api.post("/api/v1/conversations/" + id + "/messages/" + retractId + "/retract", agent, Map.of());
            assertThat(retract.status()).isEqualTo(200);
            assertThat(retract.json().get("status").asString()).isEqualTo("RETRACTED");
            assertThat(api.get("/api/v1/conversations/" + id + "/messages", buyer)
                            .json()
                            .get("items"))
                    .hasSize(1);

            String heldId = held.json().get("id").asString();
            clock.advance(Duration.ofHours(2));
            heldMessages.release(heldId, "reviewer1");
            JsonNode toBuyer = buyerSocket.next("message.created");
            assertThat(toBuyer.get("data").get("id").asString()).isEqualTo(heldId);
            assertThat(toBuyer.get("data").get("status").asString()).isEqualTo("DELIVERED");
            JsonNode toTeam = agentSocket.next("message.updated");
            while (toTeam != null && !toTeam.get("data").get("id").asString().equals(heldId)) {
                toTeam = agentSocket.next("message.updated");
            }
            assertThat(toTeam.get("seq").asLong()).isEqualTo(toBuyer.get("seq").asLong());
            JsonNode buyerItems = api.get("/api/v1/conversations/" + id + "/messages", buyer)
                    .json()
                    .get("items");
            assertThat(buyerItems).hasSize(2);
            assertThat(buyerItems.get(1).get("id").asString()).isEqualTo(heldId);
            assertThat(api.get("/api/v1/conversations/" + id, agent)
                            .json()
                            .get("awaitingReply")
                            .asBoolean())
                    .as("a released reply counts, as of when it was sent")
                    .isFalse();
        } finally {
            accounts.restrictMessaging(w.shop(), MessagingRestriction.NONE);
        }
    }

    @Test
    void aSuspendedShopCannotSend() {
        World w = world();
        String id = open(signIn(w.buyer()), w, "Hello");
        accounts.restrictMessaging(w.shop(), MessagingRestriction.SUSPENDED);
        Response r = say(signIn(w.agent()), id, "Hi");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("type").asString()).isEqualTo("urn:parley:problem:messaging_suspended");
        assertThat(r.json().get("clause").asString()).isEqualTo("四.2");
    }

    @Test
    void theInboxListsDeadlinesAheadThenPassedThenTheRestAndPagesThroughThem() {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        Instant t0 = clock.instant();
        String answered = openAbout(buyer, w, null, "answered");
        clock.set(t0.plusSeconds(1));
        say(agent, answered, "Done");
        api.patch("/api/v1/conversations/" + answered, agent, Map.of("status", "CLOSED"));
        clock.set(t0.plusSeconds(10));
        String late = openAbout(buyer, w, w.product(), "late");
        clock.set(t0.plus(Duration.ofHours(60)));
        String soon = openAbout(buyer, w, "card", "soon");
        clock.set(t0.plus(Duration.ofHours(73)));
        List<String> order = new ArrayList<>();
        String cursor = null;
        do {
            Response page =
                    api.get("/api/v1/conversations?limit=1" + (cursor == null ? "" : "&cursor=" + cursor), agent);
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(item -> order.add(item.get("id").asString()));
            cursor = page.json().get("next").isNull()
                    ? null
                    : page.json().get("next").asString();
        } while (cursor != null);
        assertThat(order).containsExactly(soon, late, answered);
        assertThat(api.get("/api/v1/conversations?awaiting=true", agent).json().get("items"))
                .hasSize(2);
        assertThat(api.get("/api/v1/conversations?productId=" + w.product(), agent)
                        .json()
                        .get("items"))
                .hasSize(1);
    }

    private String openAbout(String buyer, World w, String productOrCard, String text) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("shopId", w.shop(), "text", text));
        if (w.product().equals(productOrCard)) {
            body.put("productId", productOrCard);
        } else if ("card".equals(productOrCard)) {
            body.put("card", Map.of("type", "product", "id", w.product()));
        } else {
            body.put("orderId", null);
        }
        Response r = api.post("/api/v1/conversations", buyer, body);
        assertThat(r.status()).as("%s", r).isIn(200, 201);
        return r.json().get("id").asString();
    }

    @Test
    void readStateAndAssignmentArePerParticipant() {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String agent2 = signIn(w.agent2());
        String id = open(buyer, w, "one");
        say(buyer, id, "two");
        assertThat(api.get("/api/v1/conversations/" + id, agent)
                        .json()
                        .get("unreadCount")
                        .asLong())
                .isEqualTo(2);
        assertThat(api.post("/api/v1/conversations/" + id + "/read", agent, Map.of())
                        .json()
                        .get("unreadCount")
                        .asLong())
                .isZero();
        assertThat(api.get("/api/v1/conversations/" + id, agent2)
                        .json()
                        .get("unreadCount")
                        .asLong())
                .isEqualTo(2);
        Response assigned = api.patch("/api/v1/conversations/" + id, agent, Map.of("assigneeId", w.agent2()));
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.json().get("assigneeId").asString()).isEqualTo(w.agent2());
        assertThat(api.get("/api/v1/conversations?assigneeId=me", agent2).json().get("items"))
                .hasSize(1);
        assertThat(api.patch("/api/v1/conversations/" + id, agent, Map.of("assigneeId", w.buyer()))
                        .status())
                .isEqualTo(400);
        Response closed = api.patch("/api/v1/conversations/" + id, agent, Map.of("status", "CLOSED"));
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(say(agent, id, "bye").json().get("type").asString())
                .isEqualTo("urn:parley:problem:conversation_closed");
        assertThat(say(buyer, id, "wait, one more thing").status()).isEqualTo(201);
        assertThat(api.get("/api/v1/conversations/" + id, agent)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");
    }

    @Test
    void attachmentsAreJudgedByTheirBytes() {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        Response image = api.upload(buyer, "photo.bin", PNG);
        assertThat(image.status()).as("%s", image).isEqualTo(201);
        assertThat(image.json().get("contentType").asString()).isEqualTo("image/png");
        Response gif = api.upload(
                buyer,
                "smile",
                java.util.Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"));
        assertThat(gif.status()).as("a GIF is an image too: %s", gif).isEqualTo(201);
        assertThat(gif.json().get("contentType").asString()).isEqualTo("image/gif");
        Response pdfCalledPng = api.upload(buyer, "photo.png", "%PDF-1.7 not an image".getBytes());
        assertThat(pdfCalledPng.status()).isEqualTo(415);
        assertThat(pdfCalledPng.json().get("type").asString()).isEqualTo("urn:parley:problem:unsupported_media_type");
        Response doc = api.upload(agent, "manual.pdf", "%PDF-1.7 a manual".getBytes());
        assertThat(doc.status()).isEqualTo(201);
        assertThat(api.upload(buyer, "big.png", new byte[6 * 1024 * 1024]).status())
                .isEqualTo(413);

        String id = open(buyer, w, "see photo");
        Response withImage = api.post(
                "/api/v1/conversations/" + id + "/messages",
                buyer,
                Map.of("attachmentIds", List.of(image.json().get("id").asString())));
        assertThat(withImage.status()).as("%s", withImage).isEqualTo(201);
        assertThat(withImage.json().get("attachments").get(0).get("contentType").asString())
                .isEqualTo("image/png");
        Response reused = api.post(
                "/api/v1/conversations/" + id + "/messages",
                buyer,
                Map.of("attachmentIds", List.of(image.json().get("id").asString())));
        assertThat(reused.status()).isEqualTo(400);
        Response card = api.post(
                "/api/v1/conversations/" + id + "/messages",
                buyer,
                Map.of("card", Map.of("type", "product", "id", w.product())));
        assertThat(card.status()).isEqualTo(201);
        assertThat(card.json().get("card").get("id").asString()).isEqualTo(w.product());
        assertThat(api.post(
                                "/api/v1/conversations/" + id + "/messages",
                                agent,
                                Map.of(
                                        "attachmentIds",
                                        List.of(doc.json().get("id").asString())))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void badInputIsAProblemThatSaysWhatIsWrongNeverA500() {
        World w = world();
        String buyer = signIn(w.buyer());
        String id = open(buyer, w, "Hello");
        String path = "/api/v1/conversations/" + id + "/messages";
        List<Response> bad = new ArrayList<>();
        bad.add(api.post(path, buyer, "{not json"));
        bad.add(api.post(path, buyer, "[1,2]"));
        bad.add(api.post(path, buyer, "{\"text\": 42}"));
        bad.add(api.post(path, buyer, "{\"text\": \"   \"}"));
        bad.add(api.post(path, buyer, "{}"));
        bad.add(api.post(path, buyer, Map.of("text", "x".repeat(2001))));
        bad.add(api.post(path, buyer, Map.of("text", "hi", "clientMessageId", "x".repeat(65))));
        bad.add(api.post(path, buyer, Map.of("card", Map.of("type", "coupon", "id", "x"))));
        bad.add(api.post(path, buyer, Map.of("card", Map.of("type", "product", "id", "no-such-product"))));
        bad.add(api.post(path, buyer, Map.of("attachmentIds", List.of("no-such-attachment"))));
        bad.add(api.post(path, buyer, "{\"text\": \"a\\u0000b\"}"));
        bad.add(api.post("/api/v1/conversations", buyer, Map.of("shopId", "no-such-shop", "text", "hi")));
        bad.add(api.post("/api/v1/conversations", buyer, Map.of("text", "hi")));
        bad.add(api.post("/api/v1/conversations", buyer, Map.of("shopId", w.shop(), "productId", 7, "text", "hi")));
        bad.add(api.post("/api/v1/auth/token", null, "{\"username\": 1}"));
        bad.add(api.post("/api/v1/auth/token", null, "{\"username\": 1, \"password\": \"demo\"}"));
        String agent = signIn(w.agent());
        Response numberAsText = api.post("/api/v1/policy/check", agent, "{\"text\": 42}");
        bad.add(numberAsText);
        Response numberInList = api.post("/api/v1/policy/check", agent, "{\"attachmentIds\": [5]}");
        bad.add(numberInList);
        Response notAnObject = api.post("/api/v1/policy/check", agent, "\"hi\"");
        bad.add(notAnObject);
        Response nullBody = api.post("/api/v1/auth/token", null, "null");
        bad.add(nullBody);
        bad.add(api.post("/api/v1/policy/check", agent, "{\"text\": true}"));
        bad.add(api.post("/api/v1/policy/check", agent, "{\"text\": \"hi\", \"conversationId\": 7}"));
        bad.add(api.get("/api/v1/conversations?limit=0", buyer));
        bad.add(api.get("/api/v1/conversations?limit=abc", buyer));
        bad.add(api.get("/api/v1/conversations?cursor=AAAA", buyer));
        bad.add(api.get("/api/v1/conversations/" + id + "/messages?after=nope", buyer));
        for (Response r : bad) {
            assertThat(r.status()).as("%s", r).isEqualTo(400);
            assertThat(r.contentType()).as("%s", r).startsWith("application/problem+json");
            assertThat(r.json().get("type").asString()).isEqualTo("urn:parley:problem:invalid_request");
            assertThat(r.json().get("detail").asString()).isNotBlank();
        }
        assertThat(numberAsText.json().get("detail").asString()).isEqualTo("text: must be a string");
        assertThat(numberInList.json().get("detail").asString()).isEqualTo("attachmentIds[0]: must be a string");
        assertThat(notAnObject.json().get("detail").asString()).isEqualTo("the request body must be a JSON object");
        assertThat(nullBody.json().get("detail").asString()).isEqualTo("the request body must be a JSON object");
        Response tooLong = bad.get(5);
        assertThat(tooLong.json().get("detail").asString()).contains("2000");
        assertThat(tooLong.json().get("errors")).isNotEmpty();

        Response huge = api.post(path, buyer, Map.of("text", "x".repeat(100_000)));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().get("type").asString()).isEqualTo("urn:parley:problem:payload_too_large");
        assertThat(api.put(
                                "/api/v1/operator/shops/x",
                                api.token("operator1", "demo"),
                                Map.of("name", "y".repeat(100_000)))
                        .status())
                .isEqualTo(413);

        Response noToken = api.get("/api/v1/conversations", null);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.json().get("type").asString()).isEqualTo("urn:parley:problem:unauthorized");
        assertThat(api.get("/api/v1/conversations", "pst_not-a-real-token-at-all")
                        .status())
                .isEqualTo(401);
        assertThat(api.raw(api.request("/api/v1/conversations", null)
                                .header("Authorization", "Basic eDp5")
                                .GET())
                        .status())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/auth/token", null, Map.of("username", w.buyer(), "password", "wrong"))
                        .status())
                .isEqualTo(401);
        assertThat(api.raw(api.request(path, buyer)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.noBody()))
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/conversations/" + id + "/nothing-here", buyer)
                        .status())
                .isEqualTo(404);

        assertThat(api.get("/api/v1/conversations/" + id + "/messages", buyer)
                        .json()
                        .get("items"))
                .as("nothing half-stored")
                .hasSize(1);
    }

    @Test
    void aFloodingSenderIsRateLimitedWithRetryAfter() {
        World w = world();
        String buyer = signIn(w.buyer());
        String id = open(buyer, w, "1");
        Response last = null;
        for (int i = 0; i < 40 && (last == null || last.status() == 201); i++) {
            last = say(buyer, id, "message " + i);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.json().get("type").asString()).isEqualTo("urn:parley:problem:rate_limited");
        assertThat(Integer.parseInt(last.header("Retry-After"))).isPositive();
    }

    @Test
    void shopApiTokensReachOnlyTheirShopAndCountAsAutomaticReplies() {
        World w = world();
        World other = world();
        String buyer = signIn(w.buyer());
        String id = open(buyer, w, "Hello");
        String otherId = open(signIn(other.buyer()), other, "Hello there");
        String admin = signIn(w.admin());
        assertThat(api.post("/api/v1/shops/" + w.shop() + "/api-tokens", signIn(w.agent()), Map.of("name", "bot"))
                        .status())
                .isEqualTo(403);
        Response created = api.post("/api/v1/shops/" + w.shop() + "/api-tokens", admin, Map.of("name", "bot"));
        assertThat(created.status()).isEqualTo(201);
        String bot = created.json().get("token").asString();

        Response reply = say(bot, id, "Thanks, we will answer soon");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("automatic").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/conversations/" + id, bot)
                        .json()
                        .get("awaitingReply")
                        .asBoolean())
                .as("an automatic reply does not stop the clock")
                .isTrue();
        Response foreign = api.get("/api/v1/conversations/" + otherId, bot);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().get("type").asString()).isEqualTo("urn:parley:problem:unauthorized_client");
        assertThat(foreign.json().get("clause").asString()).isEqualTo("3.7");
        assertThat(say(bot, otherId, "hi").status()).isEqualTo(403);

        Response readOnly = api.post(
                "/api/v1/shops/" + w.shop() + "/api-tokens",
                admin,
                Map.of("name", "reader", "scopes", List.of("messages:read")));
        Response denied = say(readOnly.json().get("token").asString(), id, "hi");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("rule").asString()).isEqualTo("unauthorized_client");

        String tokenId = created.json().get("id").asString();
        assertThat(api.delete("/api/v1/shops/" + w.shop() + "/api-tokens/" + tokenId, admin)
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/conversations/" + id, bot).status()).isEqualTo(401);
    }

    @Test
    void usersSignOutAndChangeTheirPassword() {
        World w = world();
        String token = signIn(w.buyer());
        String second = signIn(w.buyer());
        assertThat(api.post(
                                "/api/v1/auth/password",
                                token,
                                Map.of("currentPassword", "wrong", "newPassword", "a-new-password"))
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/auth/password",
                                token,
                                Map.of("currentPassword", "secret-pw", "newPassword", "a-new-password"))
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me", second).status())
                .as("other sessions end")
                .isEqualTo(401);
        assertThat(api.token(w.buyer(), "a-new-password")).isNotBlank();
        assertThat(api.post("/api/v1/auth/sign-out", token, Map.of()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
    }

    @Test
    void theWebSocketClosesWith4401WhenTheTokenExpires() throws Exception {
        World w = world();
        String buyer = signIn(w.buyer());
        try (ApiClient.Socket socket = api.socket(buyer)) {
            clock.advance(Duration.ofDays(31));
            assertThat(socket.closeCode(10)).isEqualTo(4401);
        }
    }

    @Test
    void operatorUpsertsAreIdempotent() {
        String operator = api.token("operator1", "demo");
        Map<String, Object> shop = Map.of("name", "Idem", "zone", "Europe/Madrid", "language", "es");
        String path = "/api/v1/operator/shops/idem-" + System.nanoTime();
        assertThat(api.put(path, operator, shop).status()).isEqualTo(201);
        assertThat(api.put(path, operator, shop).status()).isEqualTo(200);
        assertThat(api.put(path, operator, Map.of("name", "Idem", "zone", "Mars/Base", "language", "es"))
                        .status())
                .isEqualTo(400);
        assertThat(api.put(path, api.token("buyer1", "demo"), shop).status()).isEqualTo(403);
    }

    @Test
    void theDemoDataIsThereAndTheServiceDescribesItself() {
        String buyer = api.token("buyer1", "demo");
        assertThat(api.get("/api/v1/products/demo-kettle", buyer)
                        .json()
                        .get("warrantyMonths")
                        .asInt())
                .isEqualTo(12);
        assertThat(api.get("/api/v1/products/other-teapot", buyer).raw().body())
                .as("a whole price is written plainly, not as 8.9E+2")
                .contains("\"price\":890,");
        assertThat(api.get("/api/v1/products/demo-hoodie", buyer).raw().body()).contains("\"price\":29.9,");
        assertThat(api.get("/api/v1/shops/other-shop", buyer).json().get("zone").asString())
                .isEqualTo("Asia/Taipei");
        assertThat(api.get("/api/v1/orders/demo-order-1", buyer).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/orders/demo-order-1", api.token("buyer2", "demo"))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/v3/api-docs", null).raw().body()).contains("/api/v1/conversations");
        assertThat(api.get("/actuator/health", null).raw().body()).contains("UP");
        String metrics = api.get("/actuator/prometheus", null).raw().body();
        assertThat(metrics).contains("parley_websocket_sessions");
    }
}

package dev.parley.server.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.parley.server.messaging.ReplyUnread;
import dev.parley.server.support.ApiClient.Response;
import dev.parley.server.support.ServerTestSupport;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Disputes through HTTP, written once and run on H2 and PostgreSQL: a side escalates, an arbitrator takes the dispute,
 * writes as {@code platform}, decides, and both sides receive the decision by e-mail from the platform's address at a
 * real in-process SMTP server (GreenMail); the refusals the issue names; the e-mail to a buyer who left a reply unread.
 */
abstract class DisputesContract extends ServerTestSupport {
    private static final Duration AWAIT = Duration.ofSeconds(20);
    private static final String FROM = "ecommerce@parley.example";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final GreenMail SMTP = startSmtp();

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("parley.mail.poll-interval", () -> "500ms");
        registry.add("parley.mail.base-url", () -> "https://parley.test");
    }

    private static GreenMail startSmtp() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        return mail;
    }

    /** A world whose buyer, owner, admin and agent have e-mail addresses of their own. */
    private record Mailboxes(World w, String buyer, String owner, String admin, String agent) {}

    private Mailboxes mailboxes() {
        World w = world();
        String operator = api.token("operator1", "demo");
        int n = ADDRESSES.incrementAndGet();
        String stamp = n + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        String buyer = "buyer-" + stamp + "@mail.test";
        assertThat(api.put(
                                "/api/v1/operator/users/" + w.buyer(),
                                operator,
                                Map.of(
                                        "displayName",
                                        "shopper " + stamp,
                                        "password",
                                        "secret-pw",
                                        "email",
                                        buyer,
                                        "phone",
                                        "+65 8123 0000"))
                        .status())
                .isEqualTo(200);
        Map<String, String> team = new HashMap<>();
        for (String[] member : new String[][] {{w.owner(), "owner"}, {w.admin(), "admin"}, {w.agent(), "agent"}}) {
            String address = member[1] + "-" + stamp + "@shop.test";
            team.put(member[1], address);
            assertThat(api.put(
                                    "/api/v1/operator/users/" + member[0],
                                    operator,
                                    Map.of(
                                            "displayName",
                                            member[1] + " " + stamp,
                                            "password",
                                            "secret-pw",
                                            "email",
                                            address,
                                            "shops",
                                            List.of(Map.of("shopId", w.shop(), "role", member[1]))))
                            .status())
                    .isEqualTo(200);
        }
        return new Mailboxes(w, buyer, team.get("owner"), team.get("admin"), team.get("agent"));
    }

    private String arbitrator() {
        return api.token("arbitrator1", "demo");
    }

    private String secondArbitrator() {
        String operator = api.token("operator1", "demo");
        Response r = api.put(
                "/api/v1/operator/users/arbitrator-two",
                operator,
                Map.of("displayName", "Arbitrator Two", "password", "secret-pw", "platformRole", "arbitrator"));
        assertThat(r.status()).as("%s", r).isIn(200, 201);
        return api.token("arbitrator-two", "secret-pw");
    }

    private static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(
                                        a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    private static String text(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String from(MimeMessage m) {
        try {
            return ((InternetAddress) m.getFrom()[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Response escalate(String token, String conversationId, Object body) {
        return api.post("/api/v1/conversations/" + conversationId + "/disputes", token, body);
    }

    private static List<String> senders(JsonNode messages) {
        return messages.get("items")
                .valueStream()
                .map(m -> m.get("sender").asString())
                .toList();
    }

    // ---------------------------------------------------------------- the whole flow

    @Test
    void aDisputeIsTakenWrittenInAsPlatformDecidedAndMailedToBothSidesFromThePlatformAddress() throws Exception {
        Mailboxes mb = mailboxes();
        World w = mb.w();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String arbitrator = arbitrator();
        String id = open(buyer, w, "My hoodie never arrived.");
        assertThat(say(agent, id, "It was delivered on Monday.").status()).isEqualTo(201);

        Response opened = escalate(buyer, id, Map.of("reason", "The parcel never reached me."));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        String disputeId = opened.json().get("id").asString();
        assertThat(opened.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(opened.json().get("openedBySide").asString()).isEqualTo("buyer");
        assertThat(api.get("/api/v1/conversations/" + id, agent)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("ESCALATED");
        JsonNode seen =
                api.get("/api/v1/conversations/" + id + "/disputes", agent).json();
        assertThat(seen.get("items").get(0).get("id").asString()).isEqualTo(disputeId);
        assertThat(seen.get("items").get(0).get("reason").asString()).isEqualTo("The parcel never reached me.");

        JsonNode queue = api.get("/api/v1/review/disputes?shopId=" + w.shop(), arbitrator)
                .json();
        assertThat(queue.get("items")).hasSize(1);
        assertThat(queue.get("items").get(0).get("waitingSeconds").isNumber()).isTrue();
        JsonNode waits = api.get("/api/v1/review/queues", arbitrator).json();
        JsonNode disputes = waits.get("queues")
                .valueStream()
                .filter(q -> q.get("queue").asString().equals("disputes"))
                .findFirst()
                .orElseThrow();
        assertThat(disputes.get("waiting").asLong()).isGreaterThanOrEqualTo(1);

        assertThat(say(arbitrator, id, "Before taking it").status())
                .as("no arbitrator writes before taking the dispute")
                .isEqualTo(403);
        Response taken = api.post("/api/v1/review/disputes/" + disputeId + "/take", arbitrator, "{}");
        assertThat(taken.status()).as("%s", taken).isEqualTo(200);
        assertThat(taken.json().get("status").asString()).isEqualTo("TAKEN");
        assertThat(taken.json().get("arbitratorId").asString()).isEqualTo("arbitrator1");
        String other = secondArbitrator();
        Response again = api.post("/api/v1/review/disputes/" + disputeId + "/take", other, "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:parley:problem:already_taken");
        assertThat(say(other, id, "I am here too").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/review/disputes/" + disputeId + "/take", api.token("reviewer1", "demo"), "{}")
                        .status())
                .isEqualTo(403);

        Response platform = say(arbitrator, id, "Please both send the tracking details.");
        assertThat(platform.status()).as("%s", platform).isEqualTo(201);
        assertThat(platform.json().get("sender").asString()).isEqualTo("platform");
        for (String side : List.of(buyer, agent)) {
            JsonNode messages =
                    api.get("/api/v1/conversations/" + id + "/messages", side).json();
            assertThat(senders(messages)).containsExactly("buyer", "seller", "platform");
            assertThat(messages.get("items").get(2).get("text").asString())
                    .isEqualTo("Please both send the tracking details.");
        }

        Map<String, Object> decision =
                Map.of("outcome", "BUYER_FAVOURED", "decision", "The shop refunds the order in full.");
        assertThat(api.post("/api/v1/review/disputes/" + disputeId + "/decide", other, decision)
                        .status())
                .as("only the arbitrator who took it decides")
                .isEqualTo(409);
        Response decided = api.post("/api/v1/review/disputes/" + disputeId + "/decide", arbitrator, decision);
        assertThat(decided.status()).as("%s", decided).isEqualTo(200);
        assertThat(decided.json().get("status").asString()).isEqualTo("DECIDED");
        assertThat(decided.json().get("outcome").asString()).isEqualTo("BUYER_FAVOURED");
        assertThat(api.get("/api/v1/conversations/" + id, buyer)
                        .json()
                        .get("status")
                        .asString())
                .as("the conversation is open again")
                .isEqualTo("OPEN");
        for (String side : List.of(buyer, agent)) {
            JsonNode messages =
                    api.get("/api/v1/conversations/" + id + "/messages", side).json();
            assertThat(senders(messages)).containsExactly("buyer", "seller", "platform", "platform");
            assertThat(messages.get("items").get(3).get("text").asString())
                    .contains("The shop refunds the order in full.");
            assertThat(api.get("/api/v1/conversations/" + id + "/disputes", side)
                            .json()
                            .get("items")
                            .get(0)
                            .get("status")
                            .asString())
                    .isEqualTo("DECIDED");
        }
        assertThat(say(arbitrator, id, "After the decision").status())
                .as("the arbitrator leaves with the decision")
                .isEqualTo(403);
        Response twice = api.post("/api/v1/review/disputes/" + disputeId + "/decide", arbitrator, decision);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("type").asString()).isEqualTo("urn:parley:problem:already_decided");

        await().atMost(AWAIT).untilAsserted(() -> {
            assertThat(mailTo(mb.buyer())).hasSize(1);
            assertThat(mailTo(mb.owner())).hasSize(1);
            assertThat(mailTo(mb.admin())).hasSize(1);
        });
        for (String address : List.of(mb.buyer(), mb.owner(), mb.admin())) {
            MimeMessage m = mailTo(address).getFirst();
            assertThat(from(m)).isEqualTo(FROM);
            assertThat(m.getSubject()).startsWith("Dispute decided");
            assertThat(text(m))
                    .contains("The shop refunds the order in full.")
                    .contains("in the buyer's favour")
                    .contains("https://parley.test/conversations/" + id);
        }
        assertThat(mailTo(mb.agent())).as("agents are not told").isEmpty();

        String reviewer = api.token("reviewer1", "demo");
        // the SMTP server has the mail a moment before the sender records it as sent
        await().atMost(AWAIT).untilAsserted(() -> {
            JsonNode outbox =
                    api.get("/api/v1/review/outbox?to=" + mb.buyer(), reviewer).json();
            assertThat(outbox.get("items")).hasSize(1);
            JsonNode row = outbox.get("items").get(0);
            assertThat(row.get("status").asString()).isEqualTo("SENT");
            assertThat(row.get("from").asString()).isEqualTo(FROM);
            assertThat(row.get("attempts").asInt()).isEqualTo(1);
            assertThat(row.get("sentAt").isNull()).isFalse();
        });
        assertThat(api.get("/api/v1/review/outbox?to=" + mb.owner(), arbitrator)
                        .json()
                        .get("items"))
                .hasSize(1);
        assertThat(api.get("/api/v1/review/outbox", buyer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/review/outbox", signIn(w.owner())).status()).isEqualTo(403);
    }

    @Test
    void theShopsTeamEscalatesToo() {
        World w = world();
        String buyer = signIn(w.buyer());
        String id = open(buyer, w, "I want a discount or I leave a bad review.");
        Response r = escalate(signIn(w.agent()), id, Map.of("reason", "The buyer threatens a bad review."));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        assertThat(r.json().get("openedBySide").asString()).isEqualTo("seller");
        assertThat(api.get("/api/v1/conversations/" + id + "/disputes", buyer)
                        .json()
                        .get("items")
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void badEscalationsAreClear4xxAndChangeNothing() {
        World w = world();
        World other = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String id = open(buyer, w, "Where is my order?");

        for (Object body : List.of(Map.of("reason", "  "), Map.of(), "{\"reason\": ")) {
            Response r = body instanceof String s
                    ? api.post("/api/v1/conversations/" + id + "/disputes", buyer, s)
                    : escalate(buyer, id, body);
            assertThat(r.status()).as("%s -> %s", body, r).isEqualTo(400);
        }
        assertThat(escalate(buyer, id, Map.of("reason", "x".repeat(2001))).status())
                .isEqualTo(400);
        for (String stranger : List.of(signIn(other.agent()), signIn(w.otherBuyer()), api.token("operator1", "demo"))) {
            Response r = escalate(stranger, id, Map.of("reason", "not mine"));
            assertThat(r.status()).as("%s", r).isEqualTo(404);
            assertThat(api.get("/api/v1/conversations/" + id + "/disputes", stranger)
                            .status())
                    .isEqualTo(404);
        }
        assertThat(escalate(api.token("reviewer1", "demo"), id, Map.of("reason", "staff"))
                        .status())
                .isEqualTo(403);
        assertThat(escalate(arbitrator(), id, Map.of("reason", "staff")).status())
                .isEqualTo(403);
        assertThat(escalate(null, id, Map.of("reason", "anonymous")).status()).isEqualTo(401);
        assertThat(escalate(buyer, "01a223a4-0000-7000-8000-000000000000", Map.of("reason", "nothing"))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/conversations/" + id + "/disputes", buyer)
                        .json()
                        .get("items"))
                .as("nothing changed")
                .isEmpty();
        assertThat(api.get("/api/v1/conversations/" + id, buyer)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");

        assertThat(escalate(buyer, id, Map.of("reason", "No answer for days.")).status())
                .isEqualTo(201);
        Response second = escalate(agent, id, Map.of("reason", "Our side of it."));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("type").asString()).isEqualTo("urn:parley:problem:dispute_open");
        assertThat(api.get("/api/v1/conversations/" + id + "/disputes", buyer)
                        .json()
                        .get("items"))
                .hasSize(1);

        String closed = open(signIn(other.buyer()), other, "Thanks, all good.");
        assertThat(api.patch("/api/v1/conversations/" + closed, signIn(other.agent()), Map.of("status", "CLOSED"))
                        .status())
                .isEqualTo(200);
        Response onClosed = escalate(signIn(other.buyer()), closed, Map.of("reason", "Too late?"));
        assertThat(onClosed.status()).isEqualTo(409);
        assertThat(onClosed.json().get("type").asString()).isEqualTo("urn:parley:problem:conversation_closed");
        assertThat(api.get("/api/v1/conversations/" + closed, signIn(other.buyer()))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("CLOSED");
        assertThat(api.get("/api/v1/conversations/" + closed + "/disputes", signIn(other.buyer()))
                        .json()
                        .get("items"))
                .isEmpty();
    }

    @Test
    void onlyArbitratorsWorkDisputesAndBadDecisionsAreRefused() {
        World w = world();
        String buyer = signIn(w.buyer());
        String id = open(buyer, w, "The zip is broken.");
        String disputeId = escalate(buyer, id, Map.of("reason", "The shop ignores the warranty."))
                .json()
                .get("id")
                .asString();
        String arbitrator = arbitrator();
        String reviewer = api.token("reviewer1", "demo");
        for (String token : List.of(reviewer, buyer, signIn(w.owner()))) {
            assertThat(api.get("/api/v1/review/disputes", token).status()).isEqualTo(403);
            assertThat(api.post("/api/v1/review/disputes/" + disputeId + "/take", token, "{}")
                            .status())
                    .isEqualTo(403);
            assertThat(api.post(
                                    "/api/v1/review/disputes/" + disputeId + "/decide",
                                    token,
                                    Map.of("outcome", "SETTLED", "decision", "x"))
                            .status())
                    .isEqualTo(403);
        }
        assertThat(api.get("/api/v1/review/disputes?status=LOST", arbitrator).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/review/disputes?limit=0", arbitrator).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/review/disputes?cursor=zzz", arbitrator).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/review/outbox?limit=many", arbitrator).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/review/disputes/" + disputeId + "/decide", arbitrator, "{\"outcome\": [1]}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/review/disputes/nope/take", arbitrator, "{}")
                        .status())
                .isEqualTo(404);
        Response early = api.post(
                "/api/v1/review/disputes/" + disputeId + "/decide",
                arbitrator,
                Map.of("outcome", "SETTLED", "decision", "Settled."));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("type").asString()).isEqualTo("urn:parley:problem:dispute_not_taken");

        assertThat(api.post("/api/v1/review/disputes/" + disputeId + "/take", arbitrator, "{}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/review/disputes/" + disputeId + "/take", arbitrator, "{}")
                        .status())
                .as("taking it again is harmless")
                .isEqualTo(200);
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("outcome", "WHATEVER", "decision", "x"),
                Map.of("outcome", "SETTLED"),
                Map.of("decision", "No outcome"),
                Map.of("outcome", "SETTLED", "decision", "x".repeat(1501)))) {
            Response r = api.post("/api/v1/review/disputes/" + disputeId + "/decide", arbitrator, bad);
            assertThat(r.status()).as("%s -> %s", bad, r).isEqualTo(400);
        }
        assertThat(api.get("/api/v1/review/disputes/" + disputeId, arbitrator)
                        .json()
                        .get("status")
                        .asString())
                .as("nothing changed")
                .isEqualTo("TAKEN");
        assertThat(api.get("/api/v1/conversations/" + id + "/messages", buyer)
                        .json()
                        .get("items"))
                .hasSize(1);
        JsonNode all = api.get("/api/v1/review/disputes?status=TAKEN&shopId=" + w.shop(), arbitrator)
                .json();
        assertThat(all.get("items")).hasSize(1);
    }

    // ---------------------------------------------------------------- delivery

    @Test
    void aNoticeTheSmtpServerCouldNotTakeIsRetriedAfterItsBackoffAndThenSent() {
        Mailboxes mb = mailboxes();
        World w = mb.w();
        String id = open(signIn(w.buyer()), w, "Is it machine washable?");
        assertThat(say(signIn(w.agent()), id, "Yes, at 30 degrees.").status()).isEqualTo(201);
        String reviewer = api.token("reviewer1", "demo");
        SMTP.stop();
        try {
            tx.executeWithoutResult(
                    s -> events.publishEvent(new ReplyUnread(id, w.shop(), w.buyer(), Instant.now(), 1)));
            await().atMost(AWAIT).untilAsserted(() -> {
                JsonNode row = api.get("/api/v1/review/outbox?to=" + mb.buyer(), reviewer)
                        .json()
                        .get("items")
                        .get(0);
                assertThat(row).isNotNull();
                assertThat(row.get("status").asString()).isEqualTo("PENDING");
                assertThat(row.get("attempts").asInt()).isEqualTo(1);
                assertThat(row.get("error").isNull()).isFalse();
                assertThat(row.get("nextAttemptAt").isNull()).isFalse();
            });
        } finally {
            SMTP.start();
        }
        assertThat(mailTo(mb.buyer())).isEmpty();
        clock.advance(Duration.ofSeconds(31));
        await().atMost(AWAIT).untilAsserted(() -> assertThat(mailTo(mb.buyer())).hasSize(1));
        // the SMTP server has the mail a moment before the sender records it as sent
        await().atMost(AWAIT).untilAsserted(() -> {
            JsonNode row = api.get("/api/v1/review/outbox?to=" + mb.buyer(), reviewer)
                    .json()
                    .get("items")
                    .get(0);
            assertThat(row.get("status").asString()).isEqualTo("SENT");
            assertThat(row.get("attempts").asInt()).isEqualTo(2);
            assertThat(row.get("error").isNull()).isTrue();
        });
        assertThat(mailTo(mb.buyer())).hasSize(1);
    }

    // ---------------------------------------------------------------- erasure

    @Test
    void aBuyersErasureRemovesTheirNoticesAndTheirDisputeFromTheShopsNotices() {
        Mailboxes mb = mailboxes();
        World w = mb.w();
        String buyer = signIn(w.buyer());
        String id = open(buyer, w, "The sleeve is torn.");
        String disputeId = escalate(buyer, id, Map.of("reason", "Torn on arrival, my flat is at 3 Private Road."))
                .json()
                .get("id")
                .asString();
        String arbitrator = arbitrator();
        api.post("/api/v1/review/disputes/" + disputeId + "/take", arbitrator, "{}");
        assertThat(api.post(
                                "/api/v1/review/disputes/" + disputeId + "/decide",
                                arbitrator,
                                Map.of("outcome", "BUYER_FAVOURED", "decision", "The shop replaces the hoodie."))
                        .status())
                .isEqualTo(200);
        String reviewer = api.token("reviewer1", "demo");
        JsonNode owners = api.get("/api/v1/review/outbox?to=" + mb.owner(), reviewer)
                .json()
                .get("items");
        assertThat(owners).hasSize(1);
        assertThat(owners.get(0).get("body").asString()).contains("3 Private Road");
        assertThat(owners.get(0).get("subject").asString()).doesNotContain("shopper");
        assertThat(api.get("/api/v1/review/outbox?to=" + mb.buyer(), reviewer)
                        .json()
                        .get("items"))
                .hasSize(1);

        Response erased = api.post("/api/v1/me/erasure", buyer, Map.of("password", "secret-pw"));
        assertThat(erased.status()).as("%s", erased).isEqualTo(200);
        assertThat(erased.json().get("noticesErased").asInt()).isEqualTo(3);
        assertThat(api.get("/api/v1/review/outbox?to=" + mb.buyer(), reviewer)
                        .json()
                        .get("items"))
                .isEmpty();
        JsonNode after = api.get("/api/v1/review/outbox?to=" + mb.owner(), reviewer)
                .json()
                .get("items");
        assertThat(after).hasSize(1);
        assertThat(after.get(0).get("body").asString())
                .doesNotContain("3 Private Road")
                .contains("erased");
    }

    // ---------------------------------------------------------------- unread replies

    @Test
    void aReplyLeftUnreadIsMailedToTheBuyerWithoutItsText() {
        Mailboxes mb = mailboxes();
        World w = mb.w();
        String buyer = signIn(w.buyer());
        String id = open(buyer, w, "Does it come in red?");
        assertThat(say(signIn(w.agent()), id, "Yes, the secret red edition.").status())
                .isEqualTo(201);
        String shopName =
                api.get("/api/v1/shops/" + w.shop(), buyer).json().get("name").asString();

        Instant since = Instant.now();
        tx.executeWithoutResult(s -> events.publishEvent(new ReplyUnread(id, w.shop(), w.buyer(), since, 1)));

        await().atMost(AWAIT).untilAsserted(() -> assertThat(mailTo(mb.buyer())).hasSize(1));
        MimeMessage m = mailTo(mb.buyer()).getFirst();
        assertThat(from(m)).isEqualTo(FROM);
        try {
            assertThat(m.getSubject()).isEqualTo(shopName + " answered your question");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        assertThat(text(m))
                .contains("https://parley.test/conversations/" + id)
                .doesNotContain("secret red edition")
                .doesNotContain("Does it come in red");

        tx.executeWithoutResult(s -> events.publishEvent(new ReplyUnread(id, w.shop(), w.buyer(), since, 1)));
        tx.executeWithoutResult(
                s -> events.publishEvent(new ReplyUnread(id, w.shop(), w.buyer(), since.plusSeconds(3600), 2)));
        await().atMost(AWAIT)
                .during(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(mailTo(mb.buyer()))
                        .as("the same notice delivered again is sent once; a new unread stretch is told")
                        .hasSize(2));

        String otherBuyer = signIn(w.otherBuyer());
        String quiet = open(otherBuyer, w, "Any socks?");
        tx.executeWithoutResult(
                s -> events.publishEvent(new ReplyUnread(quiet, w.shop(), w.otherBuyer(), Instant.now(), 2)));
        JsonNode outbox = api.get("/api/v1/review/outbox?limit=200", api.token("reviewer1", "demo"))
                .json();
        assertThat(outbox.get("items").toString())
                .as("a buyer without an e-mail address gets none")
                .doesNotContain(w.otherBuyer());
    }
}

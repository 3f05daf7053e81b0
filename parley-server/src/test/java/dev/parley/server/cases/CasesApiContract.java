package dev.parley.server.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.PlatformRole;
import dev.parley.server.cases.internal.Enforcement;
import dev.parley.server.performance.EvaluationCompleted;
import dev.parley.server.performance.internal.EvaluationRunner;
import dev.parley.server.shared.ProblemException;
import dev.parley.server.support.ApiClient;
import dev.parley.server.support.ApiClient.Response;
import dev.parley.server.support.ServerTestSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The cases API through HTTP, written once and run on H2 and PostgreSQL: the review queue, abuse reports, violations
 * and points, enforcement actions that start and end on their own, appeals, contests with the regression set, buyers'
 * reports, queue waiting times, and every bad input the issue names.
 */
abstract class CasesApiContract extends ServerTestSupport {
    private static final Duration AWAIT = Duration.ofSeconds(15);
    private static final AtomicInteger MAILS = new AtomicInteger();

    @Autowired
    Enforcement enforcement;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Accounts accounts;

    @Autowired
    Cases cases;

    @Autowired
    EvaluationRunner evaluations;

    // ---------------------------------------------------------------- review queue

    @Test
    void aHeldMessageWaitsInTheQueueAndAReleaseDeliversItToTheBuyerWithTheDecisionRecorded() throws Exception {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String reviewer = reviewer();
        String id = open(buyer, w, "Is the hoodie warm?");
        startAction(reviewer, w.shop(), "HOLD_ALL", 2, "all messages reviewed after repeated contact sharing");

        Response held = say(agent, id, "Yes, it is fleece lined.");
        assertThat(held.status()).as("%s", held).isEqualTo(202);
        assertThat(held.json()
                        .get("verdict")
                        .get("violations")
                        .get(0)
                        .get("rule")
                        .asString())
                .isEqualTo("enforcement_hold");
        String heldId = held.json().get("id").asString();

        clock.advance(Duration.ofMinutes(10));
        JsonNode queue = api.get("/api/v1/review/held-messages?shopId=" + w.shop(), reviewer)
                .json();
        assertThat(queue.get("items")).hasSize(1);
        JsonNode item = queue.get("items").get(0);
        assertThat(item.get("message").get("id").asString()).isEqualTo(heldId);
        assertThat(item.get("heldBy").asString()).isEqualTo("enforcement");
        assertThat(item.get("waitingSeconds").asLong()).isGreaterThanOrEqualTo(600);
        JsonNode teamView = api.get("/api/v1/shops/" + w.shop() + "/held-messages", agent)
                .json()
                .get("items")
                .get(0);
        assertThat(teamView.get("message").get("id").asString()).isEqualTo(heldId);
        assertThat(teamView.get("waitingSeconds").asLong()).isGreaterThanOrEqualTo(600);
        JsonNode waits = api.get("/api/v1/review/queues", reviewer).json();
        JsonNode heldQueue = queue(waits, "held-messages");
        assertThat(heldQueue.get("waiting").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(heldQueue.get("oldestWaitingSeconds").asLong()).isGreaterThanOrEqualTo(600);
        await().atMost(AWAIT)
                .untilAsserted(() -> assertThat(api.get("/api/v1/review/held-messages/" + heldId, reviewer)
                                .json()
                                .get("checkerVerdict")
                                .get("action")
                                .asString())
                        .as("the checker judged the message the enforcement hold kept from it")
                        .isEqualTo("ALLOW"));
        clock.advance(Duration.ofMinutes(1));

        try (ApiClient.Socket buyerSocket = api.socket(buyer)) {
            assertThat(live(buyerSocket, buyer, id))
                    .as("the buyer's socket is live")
                    .isTrue();
            Response released = api.post(
                    "/api/v1/review/held-messages/" + heldId + "/release", reviewer, Map.of("note", "harmless"));
            assertThat(released.status()).as("%s", released).isEqualTo(200);
            assertThat(released.json().get("status").asString()).isEqualTo("DELIVERED");
            JsonNode frame = buyerSocket.next("message.created");
            while (frame != null && !frame.get("data").get("id").asString().equals(heldId)) {
                frame = buyerSocket.next("message.created");
            }
            assertThat(frame).as("the buyer received the released message").isNotNull();
        }
        JsonNode buyerItems = api.get("/api/v1/conversations/" + id + "/messages", buyer)
                .json()
                .get("items");
        assertThat(buyerItems.get(buyerItems.size() - 1).get("id").asString()).isEqualTo(heldId);
        assertThat(api.post("/api/v1/review/held-messages/" + heldId + "/release", reviewer, Map.of())
                        .json()
                        .get("type")
                        .asString())
                .isEqualTo("urn:parley:problem:message_not_held");

        JsonNode history =
                api.get("/api/v1/messages/" + heldId + "/verdicts", agent).json();
        List<String> decisions = new ArrayList<>();
        history.get("items")
                .forEach(e -> decisions.add(
                        e.get("source").asString() + ":" + e.get("decision").asString()));
        assertThat(decisions).containsExactly("enforcement:VERDICT", "checker:RECHECKED", "reviewer:RELEASED");
        assertThat(history.get("items").get(2).get("reason").asString()).isEqualTo("harmless");
        assertThat(history.get("items").get(2).get("by").isNull())
                .as("sellers do not see which reviewer decided")
                .isTrue();
        assertThat(api.get("/api/v1/messages/" + heldId + "/verdicts", reviewer)
                        .json()
                        .get("items")
                        .get(2)
                        .get("by")
                        .asString())
                .isEqualTo("reviewer1");
        assertThat(api.get("/api/v1/messages/" + heldId + "/verdicts", signIn(world().agent()))
                        .status())
                .as("another shop's team")
                .isEqualTo(404);
    }

    @Test
    void aRejectedHeldMessageIsNeverDeliveredTheSellerSeesWhyAndAViolationIsRecorded() {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String reviewer = reviewer();
        String id = open(buyer, w, "Can we talk elsewhere?");
        startAction(reviewer, w.shop(), "HOLD_ALL", 2, "held for review");
        String heldId = say(agent, id, "Find me as hoodie_shop on the other app")
                .json()
                .get("id")
                .asString();

        Response noRule = api.post(
                "/api/v1/review/held-messages/" + heldId + "/reject", reviewer, Map.of("reason", "leads off platform"));
        assertThat(noRule.status()).as("%s", noRule).isEqualTo(400);
        assertThat(noRule.json().get("detail").asString()).contains("rule");
        Response noReason = api.post(
                "/api/v1/review/held-messages/" + heldId + "/reject", reviewer, Map.of("rule", "off_platform_contact"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("detail").asString()).contains("reason");
        Response badRule = api.post(
                "/api/v1/review/held-messages/" + heldId + "/reject",
                reviewer,
                Map.of("reason", "x", "rule", "rudeness"));
        assertThat(badRule.status()).isEqualTo(400);
        assertThat(api.post("/api/v1/review/held-messages/" + heldId + "/reject", agent, Map.of("reason", "x"))
                        .status())
                .as("only reviewers decide")
                .isEqualTo(403);

        Response rejected = api.post(
                "/api/v1/review/held-messages/" + heldId + "/reject",
                reviewer,
                Map.of(
                        "reason",
                        "Asking the buyer to move to another app",
                        "rule",
                        "off_platform_contact",
                        "kind",
                        "im_account"));
        assertThat(rejected.status()).as("%s", rejected).isEqualTo(200);
        assertThat(rejected.json().get("message").get("status").asString()).isEqualTo("REJECTED");
        JsonNode violation = rejected.json().get("violation");
        assertThat(violation.get("rule").asString()).isEqualTo("off_platform_contact");
        assertThat(violation.get("clause").asString()).isEqualTo("3.4");
        assertThat(violation.get("kind").asString()).isEqualTo("im_account");
        assertThat(violation.get("source").asString()).isEqualTo("REJECTED");
        assertThat(violation.get("points").asInt()).isEqualTo(4);

        JsonNode team = last(api.get("/api/v1/conversations/" + id + "/messages", agent)
                .json()
                .get("items"));
        assertThat(team.get("id").asString()).isEqualTo(heldId);
        assertThat(team.get("status").asString()).isEqualTo("REJECTED");
        assertThat(team.get("review").get("decision").asString()).isEqualTo("REJECTED");
        assertThat(team.get("review").get("reason").asString()).isEqualTo("Asking the buyer to move to another app");
        assertThat(api.get("/api/v1/conversations/" + id + "/messages", buyer)
                        .json()
                        .get("items")
                        .toString())
                .doesNotContain(heldId);
        JsonNode rejectedList = api.get("/api/v1/shops/" + w.shop() + "/held-messages?status=REJECTED", agent)
                .json()
                .get("items");
        assertThat(rejectedList).hasSize(1);
        assertThat(rejectedList
                        .get(0)
                        .get("message")
                        .get("review")
                        .get("reason")
                        .asString())
                .isEqualTo("Asking the buyer to move to another app");
        assertThat(api.get("/api/v1/shops/" + w.shop() + "/held-messages", agent)
                        .json()
                        .get("items"))
                .as("nothing waits any more")
                .isEmpty();
        JsonNode violations = api.get("/api/v1/shops/" + w.shop() + "/violations", agent)
                .json()
                .get("items");
        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).get("messageId").asString()).isEqualTo(heldId);
        assertThat(violations.get(0).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(api.post("/api/v1/review/held-messages/" + heldId + "/reject", reviewer, Map.of("reason", "again"))
                        .status())
                .isEqualTo(409);
        assertThat(api.get("/api/v1/review/held-messages/" + heldId, reviewer).status())
                .isEqualTo(409);
    }

    @Test
    void aMessageTheCheckerHoldsIsRejectedForTheRuleThatHeldItWithTheCheckersEvidence() {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String reviewer = reviewer();
        String id = open(buyer, w, "Why was my payment declined?");
        String text = "Please send me the OTP code you just received so I can verify your order";
        Response held = say(agent, id, text);
        assertThat(held.status()).as("%s", held).isEqualTo(202);
        String heldId = held.json().get("id").asString();
        JsonNode item =
                api.get("/api/v1/review/held-messages/" + heldId, reviewer).json();
        assertThat(item.get("heldBy").asString()).isEqualTo("checker");
        assertThat(item.get("rules").get(0).asString()).isEqualTo("prohibited_use");
        assertThat(item.get("checkerVerdict").isNull()).isTrue();

        Response rejected = api.post(
                "/api/v1/review/held-messages/" + heldId + "/reject",
                reviewer,
                Map.of("reason", "Asking for a one-time code is phishing"));
        assertThat(rejected.status()).as("%s", rejected).isEqualTo(200);
        JsonNode violation = rejected.json().get("violation");
        assertThat(violation.get("rule").asString()).isEqualTo("prohibited_use");
        assertThat(violation.get("clause").asString()).isEqualTo("3.5");
        assertThat(violation.get("kind").asString()).isEqualTo("phishing");
        int start = violation.get("start").asInt();
        int end = violation.get("end").asInt();
        assertThat(violation.get("evidence").asString()).isEqualTo(text.substring(start, end));
        assertThat(violation.get("statement").asString()).contains("phishing");
    }

    @Test
    void reviewersSearchEveryMessageByShopRuleActionStatusAndTime() {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String reviewer = reviewer();
        String id = open(buyer, w, "Hello?");
        Instant start = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        String blocked = block(agent, id, w.shop(), 4);
        clock.advance(Duration.ofMinutes(1));
        String allowed =
                say(agent, id, "Hello, how can I help?").json().get("id").asString();
        clock.advance(Duration.ofMinutes(1));

        assertThat(ids(search(reviewer, "shopId=" + w.shop() + "&rule=off_platform_contact")))
                .containsExactly(blocked);
        assertThat(ids(search(reviewer, "shopId=" + w.shop() + "&action=BLOCK")))
                .containsExactly(blocked);
        assertThat(ids(search(reviewer, "shopId=" + w.shop() + "&status=DELIVERED&sender=seller")))
                .containsExactly(allowed);
        assertThat(ids(search(reviewer, "shopId=" + w.shop())))
                .as("newest first")
                .hasSize(3)
                .startsWith(allowed, blocked);
        assertThat(ids(search(
                        reviewer, "shopId=" + w.shop() + "&from=" + start.plusSeconds(90) + "&to=" + clock.instant())))
                .containsExactly(allowed);
        JsonNode page = search(reviewer, "shopId=" + w.shop() + "&limit=1&order=oldest");
        assertThat(page.get("items")).hasSize(1);
        JsonNode second = search(
                reviewer,
                "shopId=" + w.shop() + "&limit=1&order=oldest&cursor="
                        + page.get("next").asString());
        assertThat(ids(second)).containsExactly(blocked);

        for (String bad : List.of(
                "rule=rudeness",
                "action=MAYBE",
                "status=LOST",
                "from=yesterday",
                "limit=0",
                "from=" + clock.instant() + "&to=" + start,
                "cursor=nonsense")) {
            Response r = api.get("/api/v1/review/messages?" + bad, reviewer);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().get("type").asString()).isEqualTo("urn:parley:problem:invalid_request");
        }
        assertThat(api.get("/api/v1/review/messages", agent).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/review/messages", buyer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/review/messages", null).status()).isEqualTo(401);
    }

    // ---------------------------------------------------------------- abuse reports

    @Test
    void aVerifiedAbuseReportExcludesTheBuyerMessagesItsEvidenceFrozenWhenFiled() {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String reviewer = reviewer();
        String id = open(buyer, w, "Where is my order?");
        clock.advance(Duration.ofMinutes(1));
        say(agent, id, "It ships today.");
        clock.advance(Duration.ofMinutes(1));
        say(buyer, id, "Refund me twice or I will ruin your shop, idiots");
        clock.advance(Duration.ofMinutes(1));
        say(buyer, id, "Answer me!!!");
        List<String> buyerMessages = messageIds(agent, id, "buyer");
        List<String> reported = buyerMessages.subList(1, 3);

        Response filed = api.post(
                "/api/v1/shops/" + w.shop() + "/abuse-reports",
                agent,
                Map.of("conversationId", id, "messageIds", reported, "category", "threatening", "note", "threats"));
        assertThat(filed.status()).as("%s", filed).isEqualTo(201);
        String reportId = filed.json().get("id").asString();
        assertThat(filed.json().get("status").asString()).isEqualTo("PENDING");
        JsonNode evidence = filed.json().get("evidence");
        assertThat(evidence.get("conversation").get("id").asString()).isEqualTo(id);
        assertThat(evidence.get("conversation").get("productId").asString()).isEqualTo(w.product());
        assertThat(evidence.get("messages")).hasSize(4);
        assertThat(evidence.get("messages").get(2).get("text").asString())
                .isEqualTo("Refund me twice or I will ruin your shop, idiots");
        assertThat(evidence.get("messages").get(2).get("reported").asBoolean()).isTrue();
        assertThat(evidence.get("messages").get(0).get("reported").asBoolean()).isFalse();
        assertThat(evidence.toString()).doesNotContain("private@example.com", "Private Person");
        String raw = api.get("/api/v1/shops/" + w.shop() + "/abuse-reports/" + reportId + "/evidence", agent)
                .raw()
                .body();
        assertThat(sha256(raw)).isEqualTo(filed.json().get("evidenceSha256").asString());

        clock.advance(Duration.ofMinutes(1));
        say(buyer, id, "Sorry, I was angry");
        assertThat(api.get("/api/v1/shops/" + w.shop() + "/abuse-reports/" + reportId + "/evidence", agent)
                        .raw()
                        .body())
                .as("later messages do not change the evidence")
                .isEqualTo(raw);

        JsonNode list =
                api.get("/api/v1/shops/" + w.shop() + "/abuse-reports", agent).json();
        assertThat(list.get("items").get(0).get("status").asString()).isEqualTo("PENDING");
        JsonNode queue = api.get("/api/v1/review/abuse-reports?shopId=" + w.shop(), reviewer)
                .json();
        assertThat(queue.get("items").get(0).get("id").asString()).isEqualTo(reportId);
        assertThat(queue.get("items").get(0).get("waitingSeconds").asLong()).isGreaterThanOrEqualTo(60);
        assertThat(queue(api.get("/api/v1/review/queues", reviewer).json(), "abuse-reports")
                        .get("waiting")
                        .asLong())
                .isGreaterThanOrEqualTo(1);

        Response verified =
                api.post("/api/v1/review/abuse-reports/" + reportId + "/verify", reviewer, Map.of("note", "clear"));
        assertThat(verified.status()).as("%s", verified).isEqualTo(200);
        assertThat(verified.json().get("status").asString()).isEqualTo("VERIFIED");
        Response again = api.post("/api/v1/review/abuse-reports/" + reportId + "/verify", reviewer, Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:parley:problem:already_decided");
        assertThat(api.post("/api/v1/review/abuse-reports/" + reportId + "/reject", reviewer, Map.of("reason", "no"))
                        .status())
                .isEqualTo(409);

        JsonNode messages = search(reviewer, "conversationId=" + id + "&sender=buyer&order=oldest");
        assertThat(messages.get("items").get(0).get("excludedBy").isNull()).isTrue();
        assertThat(messages.get("items").get(1).get("excludedBy").asString()).isEqualTo(reportId);
        assertThat(messages.get("items").get(2).get("excludedBy").asString()).isEqualTo(reportId);
        assertThat(messages.get("items").get(3).get("excludedBy").isNull()).isTrue();
        assertThat(api.get("/api/v1/shops/" + w.shop() + "/abuse-reports/" + reportId, agent)
                        .json()
                        .get("status")
                        .asString())
                .as("the seller sees the status")
                .isEqualTo("VERIFIED");

        Response rejectedReport = api.post(
                "/api/v1/shops/" + w.shop() + "/abuse-reports",
                agent,
                Map.of("conversationId", id, "messageIds", List.of(buyerMessages.get(0)), "category", "irrelevant"));
        String second = rejectedReport.json().get("id").asString();
        assertThat(api.post("/api/v1/review/abuse-reports/" + second + "/reject", reviewer, Map.of())
                        .status())
                .as("a rejection needs a reason")
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/review/abuse-reports/" + second + "/reject",
                                reviewer,
                                Map.of("reason", "an ordinary question"))
                        .json()
                        .get("decisionNote")
                        .asString())
                .isEqualTo("an ordinary question");
    }

    @Test
    void aReportVerifiedThroughTheApiMakesANewEvaluationRevisionWithoutTheReportedMessages() {
        World w = world();
        ZoneId sgt = ZoneId.of("Asia/Singapore");
        clock.set(LocalDateTime.parse("2026-12-10T10:00:00").atZone(sgt).toInstant());
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String id = open(buyer, w, "You are useless, answer me now!!!");
        String abusive = messageIds(agent, id, "buyer").get(0);
        clock.advance(Duration.ofMinutes(5));
        assertThat(say(agent, id, "We are sorry for the wait, how can we help you today?")
                        .status())
                .isEqualTo(201);
        clock.advance(Duration.ofMinutes(55));
        String fair = say(buyer, id, "Where is my order, it is late.")
                .json()
                .get("id")
                .asString();
        clock.advance(Duration.ofMinutes(10));
        assertThat(say(agent, id, "It left our warehouse yesterday and arrives on Friday.")
                        .status())
                .isEqualTo(201);
        Instant evaluatedAt =
                LocalDateTime.parse("2026-12-16T00:00:00").atZone(sgt).toInstant();
        clock.set(evaluatedAt.plus(Duration.ofMinutes(2)));
        evaluations.catchUp(w.shop());
        String path = "/api/v1/shops/" + w.shop() + "/evaluations/"
                + URLEncoder.encode(evaluatedAt.atZone(sgt).toOffsetDateTime().toString(), StandardCharsets.UTF_8);
        agent = signIn(w.agent());
        assertThat(api.get(path, agent).json().get("revision").asInt()).isEqualTo(1);

        clock.advance(Duration.ofDays(1));
        String reviewer = reviewer();
        String reportId = api.post(
                        "/api/v1/shops/" + w.shop() + "/abuse-reports",
                        agent,
                        Map.of("conversationId", id, "messageIds", List.of(abusive), "category", "harassment"))
                .json()
                .get("id")
                .asString();
        assertThat(api.post("/api/v1/review/abuse-reports/" + reportId + "/verify", reviewer, Map.of())
                        .status())
                .isEqualTo(200);

        String token = agent;
        await().atMost(AWAIT)
                .untilAsserted(() -> assertThat(
                                api.get(path, token).json().get("revision").asInt())
                        .isEqualTo(2));
        JsonNode revised = api.get(path, agent).json();
        assertThat(revised.get("cause").asString()).isEqualTo("report:" + reportId);
        assertThat(ids(wrap(revised.get("messages")))).containsExactly(fair);
        assertThat(revised.get("skipped").get(0).get("id").asString()).isEqualTo(abusive);
        assertThat(revised.get("skipped").get(0).get("reason").asString()).isEqualTo("excluded");
    }

    @Test
    void badAbuseReportsAreRefusedWithWhatIsWrongAndNothingChanges() {
        World w = world();
        World other = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String id = open(buyer, w, "first question");
        String otherConversation = open(signIn(w.otherBuyer()), w, "another buyer");
        say(agent, id, "An answer");
        List<String> buyerIds = messageIds(agent, id, "buyer");
        String sellerId = messageIds(agent, id, "seller").get(0);
        String otherBuyerMessage = messageIds(agent, otherConversation, "buyer").get(0);
        String path = "/api/v1/shops/" + w.shop() + "/abuse-reports";

        assertBad(
                agent,
                path,
                Map.of("conversationId", id, "messageIds", List.of(), "category", "bullying"),
                "messageIds");
        assertBad(agent, path, Map.of("conversationId", id, "category", "bullying"), "messageIds");
        assertBad(
                agent,
                path,
                Map.of("conversationId", id, "messageIds", List.of("nope"), "category", "bullying"),
                "no message 'nope'");
        assertBad(
                agent,
                path,
                Map.of("conversationId", id, "messageIds", List.of(otherBuyerMessage), "category", "bullying"),
                "not in conversation");
        assertBad(
                agent,
                path,
                Map.of("conversationId", id, "messageIds", List.of(sellerId), "category", "bullying"),
                "only the buyer's messages");
        assertBad(agent, path, Map.of("conversationId", id, "messageIds", buyerIds), "category");
        assertBad(agent, path, Map.of("conversationId", id, "messageIds", buyerIds, "category", "rude"), "category");
        assertBad(agent, path, Map.of("messageIds", buyerIds, "category", "bullying"), "conversationId");
        String foreign = open(signIn(other.buyer()), other, "elsewhere");
        assertBad(
                agent,
                path,
                Map.of("conversationId", foreign, "messageIds", buyerIds, "category", "bullying"),
                "conversationId");
        Response malformed = api.post(path, agent, "{\"conversationId\": ");
        assertThat(malformed.status()).isEqualTo(400);

        assertThat(api.post(
                                path,
                                reviewer(),
                                Map.of("conversationId", id, "messageIds", buyerIds, "category", "bullying"))
                        .status())
                .as("staff do not file a shop's reports")
                .isEqualTo(403);
        assertThat(api.post(
                                path,
                                signIn(other.agent()),
                                Map.of("conversationId", id, "messageIds", buyerIds, "category", "bullying"))
                        .status())
                .as("another shop's agent")
                .isEqualTo(404);
        assertThat(api.post(path, buyer, Map.of("conversationId", id, "messageIds", buyerIds, "category", "bullying"))
                        .status())
                .isEqualTo(404);
        assertThat(api.get(path, agent).json().get("items"))
                .as("nothing was stored")
                .isEmpty();

        assertThat(api.post(path, agent, Map.of("conversationId", id, "messageIds", buyerIds, "category", "bullying"))
                        .status())
                .isEqualTo(201);
        Response twice =
                api.post(path, agent, Map.of("conversationId", id, "messageIds", buyerIds, "category", "harassment"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("type").asString()).isEqualTo("urn:parley:problem:already_reported");
        assertThat(api.get(path, agent).json().get("items")).hasSize(1);
        assertThat(api.post("/api/v1/review/abuse-reports/unknown/verify", reviewer(), Map.of())
                        .status())
                .isEqualTo(404);
    }

    // ---------------------------------------------------------------- violations, points, enforcement

    @Test
    void blockedMessagesAddPointsThatStartAWarningThenAHoldWhichEndsOnTimeAndThePointsExpire() {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String reviewer = reviewer();
        String id = open(buyer, w, "Can I pay you directly?");
        block(agent, id, w.shop(), 4);
        block(agent, id, w.shop(), 8);
        JsonNode warning = actions(agent, w.shop()).get(0);
        assertThat(warning.get("kind").asString()).isEqualTo("WARNING");
        assertThat(warning.get("status").asString()).isEqualTo("ISSUED");
        assertThat(warning.get("cause").asString()).isEqualTo("POINTS");
        assertThat(warning.get("reason").asString()).contains("8 active violation points", "threshold of 6");
        assertThat(warning.get("appealable").asBoolean()).isFalse();
        assertThat(say(agent, id, "It ships tomorrow.").status()).isEqualTo(201);

        block(agent, id, w.shop(), 12);
        JsonNode hold = actions(agent, w.shop()).get(0);
        assertThat(hold.get("kind").asString()).isEqualTo("HOLD_ALL");
        assertThat(hold.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(hold.get("violationIds")).hasSize(3);
        Instant endsAt = Instant.parse(hold.get("endsAt").asString());
        assertThat(endsAt)
                .isEqualTo(Instant.parse(hold.get("startsAt").asString()).plus(Duration.ofDays(7)));
        JsonNode standing =
                api.get("/api/v1/shops/" + w.shop() + "/standing", agent).json();
        assertThat(standing.get("restriction").asString()).isEqualTo("HOLD_ALL");
        assertThat(Instant.parse(standing.get("restrictedUntil").asString())).isEqualTo(endsAt);
        assertThat(standing.get("nextThreshold").get("points").asInt()).isEqualTo(20);

        Response held = say(agent, id, "Your parcel left our warehouse.");
        assertThat(held.status()).as("%s", held).isEqualTo(202);
        assertThat(held.json().get("status").asString()).isEqualTo("HELD");

        clock.set(endsAt.minusMillis(1));
        say(buyer, id, "Still there?");
        assertThat(say(agent, id, "Yes").status())
                .as("a millisecond before the end")
                .isEqualTo(202);
        clock.set(endsAt);
        Response free = say(agent, id, "Yes, here.");
        assertThat(free.status())
                .as("the hold ends at its end, without a sweep: %s", free)
                .isEqualTo(201);
        assertThat(actions(agent, w.shop()).get(0).get("status").asString()).isEqualTo("ENDED");
        enforcement.sweep();
        assertThat(accounts.shop(w.shop()).orElseThrow().heldUntil())
                .as("the sweep cleared the ended restriction")
                .isNull();
        assertThat(api.get("/api/v1/shops/" + w.shop() + "/standing", agent)
                        .json()
                        .get("restriction")
                        .asString())
                .isEqualTo("NONE");

        clock.advance(Duration.ofDays(90));
        agent = signIn(w.agent());
        JsonNode later =
                api.get("/api/v1/shops/" + w.shop() + "/standing", agent).json();
        assertThat(later.get("activePoints").asInt())
                .as("points expire after 90 days")
                .isZero();
        assertThat(api.get("/api/v1/shops/" + w.shop() + "/violations?status=ACTIVE", agent)
                        .json()
                        .get("items"))
                .isEmpty();
        assertThat(api.get("/api/v1/shops/" + w.shop() + "/violations?status=INACTIVE", agent)
                        .json()
                        .get("items")
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("EXPIRED");
    }

    @Test
    void rejectionsUnderAHoldAddPointsUntilASuspensionRefusesSendingWith403UntilItEnds() {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String reviewer = reviewer();
        String id = open(buyer, w, "Hi");
        for (int i = 1; i <= 3; i++) {
            block(agent, id, w.shop(), 4 * i);
        }
        for (int i = 4; i <= 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            Response held = say(agent, id, "Mail me: held" + i + "@example.com");
            assertThat(held.status())
                    .as("the hold keeps it from the checker: %s", held)
                    .isEqualTo(202);
            Response rejected = api.post(
                    "/api/v1/review/held-messages/" + held.json().get("id").asString() + "/reject",
                    reviewer,
                    Map.of("reason", "an e-mail address", "rule", "off_platform_contact"));
            assertThat(rejected.status()).as("%s", rejected).isEqualTo(200);
            assertThat(rejected.json().get("violation").get("kind").asString())
                    .as("the kind comes from the checker's new verdict on the held message")
                    .isEqualTo("email");
            awaitPoints(agent, w.shop(), 4 * i);
        }
        JsonNode suspension = actions(agent, w.shop()).get(0);
        assertThat(suspension.get("kind").asString()).isEqualTo("SUSPENSION");
        assertThat(suspension.get("points").asInt()).isEqualTo(20);
        Response refused = say(agent, id, "Hello");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:parley:problem:messaging_suspended");
        assertThat(refused.json().get("clause").asString()).isEqualTo("四.2");

        clock.set(Instant.parse(suspension.get("endsAt").asString()));
        say(buyer, id, "Hello again");
        assertThat(say(agent, id, "Sorry for the wait").status())
                .as("the suspension ended; the 7-day hold still runs")
                .isEqualTo(202);
    }

    @Test
    void anEvaluationBelowTheResponseRateTargetStartsAnActionThatABetterRevisionLifts() {
        World w = world();
        String agent = signIn(w.agent());
        Instant evaluatedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        publish(new EvaluationCompleted(w.shop(), evaluatedAt, 1, "EVALUATED", 40, 20, 0.5, "test"));
        await().atMost(AWAIT)
                .untilAsserted(() -> assertThat(actions(agent, w.shop())).hasSize(1));
        JsonNode action = actions(agent, w.shop()).get(0);
        assertThat(action.get("cause").asString()).isEqualTo("RESPONSE_RATE");
        assertThat(action.get("reason").asString()).contains("50.0%", "80.0%");
        assertThat(action.get("responseRate").asDouble()).isEqualTo(0.5);

        publish(new EvaluationCompleted(w.shop(), evaluatedAt, 1, "EVALUATED", 40, 20, 0.5, "test"));
        publish(new EvaluationCompleted(w.shop(), evaluatedAt.plusSeconds(1), 1, "NOT_EVALUATED", 3, 1, null, "test"));
        publish(new EvaluationCompleted(w.shop(), evaluatedAt, 2, "EVALUATED", 30, 27, 0.9, "test"));
        await().atMost(AWAIT)
                .untilAsserted(() -> assertThat(
                                actions(agent, w.shop()).get(0).get("status").asString())
                        .isEqualTo("LIFTED"));
        assertThat(actions(agent, w.shop())).as("one action per evaluation").hasSize(1);
        assertThat(actions(agent, w.shop()).get(0).get("liftedReason").asString())
                .contains("revision 2");
    }

    // ---------------------------------------------------------------- appeals

    @Test
    void aRunningActionIsAppealedOnceByAnAdminAndAGrantedAppealLiftsItsRestriction() {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String admin = signIn(w.admin());
        String reviewer = reviewer();
        String id = open(buyer, w, "Hi");
        String actionId = startAction(reviewer, w.shop(), "SUSPENSION", 3, "spam to many buyers");
        assertThat(say(agent, id, "Hello").status()).isEqualTo(403);
        String path = "/api/v1/shops/" + w.shop() + "/enforcement-actions/" + actionId + "/appeal";

        assertThat(api.post(path, agent, Map.of("statement", "unfair")).status())
                .as("agents do not appeal")
                .isEqualTo(403);
        assertThat(api.post(path, admin, Map.of()).status())
                .as("a statement is needed")
                .isEqualTo(400);
        assertThat(api.post(path, signIn(world().admin()), Map.of("statement", "x"))
                        .status())
                .isEqualTo(404);
        assertThat(api.post(
                                "/api/v1/shops/" + w.shop() + "/enforcement-actions/nope/appeal",
                                admin,
                                Map.of("statement", "x"))
                        .status())
                .isEqualTo(404);
        Response appeal = api.post(path, admin, Map.of("statement", "Those were answers to buyers' questions"));
        assertThat(appeal.status()).as("%s", appeal).isEqualTo(201);
        String appealId = appeal.json().get("id").asString();
        Response second = api.post(path, signIn(w.owner()), Map.of("statement", "again"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("type").asString()).isEqualTo("urn:parley:problem:already_appealed");
        JsonNode action = actions(agent, w.shop()).get(0);
        assertThat(action.get("appeal").get("status").asString()).isEqualTo("PENDING");
        assertThat(action.get("appealable").asBoolean()).isFalse();

        clock.advance(Duration.ofMinutes(30));
        JsonNode queue =
                api.get("/api/v1/review/appeals?shopId=" + w.shop(), reviewer).json();
        assertThat(queue.get("items").get(0).get("waitingSeconds").asLong()).isGreaterThanOrEqualTo(1800);
        assertThat(api.post("/api/v1/review/appeals/" + appealId + "/deny", reviewer, Map.of())
                        .status())
                .as("a denial needs a reason")
                .isEqualTo(400);
        assertThat(api.post("/api/v1/review/appeals/" + appealId + "/grant", admin, Map.of())
                        .status())
                .isEqualTo(403);
        Response granted =
                api.post("/api/v1/review/appeals/" + appealId + "/grant", reviewer, Map.of("note", "answers indeed"));
        assertThat(granted.status()).as("%s", granted).isEqualTo(200);
        assertThat(granted.json().get("status").asString()).isEqualTo("GRANTED");
        assertThat(actions(agent, w.shop()).get(0).get("status").asString()).isEqualTo("LIFTED");
        assertThat(say(agent, id, "Hello, how can I help?").status())
                .as("the restriction was removed")
                .isEqualTo(201);
        assertThat(api.post("/api/v1/review/appeals/" + appealId + "/deny", reviewer, Map.of("reason", "no"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void warningsEndedActionsAndLiftedActionsCannotBeAppealed() {
        World w = world();
        String admin = signIn(w.admin());
        String reviewer = reviewer();
        String warning = startAction(reviewer, w.shop(), "WARNING", null, "mind the language");
        Response r = api.post(appealPath(w, warning), admin, Map.of("statement", "why?"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("type").asString()).isEqualTo("urn:parley:problem:not_appealable");
        assertThat(r.json().get("detail").asString()).contains("warning");

        String hold = startAction(reviewer, w.shop(), "HOLD_ALL", 1, "spam");
        clock.advance(Duration.ofDays(1));
        Response ended = api.post(appealPath(w, hold), admin, Map.of("statement", "late"));
        assertThat(ended.status()).isEqualTo(409);
        assertThat(ended.json().get("detail").asString()).contains("ended");
        assertThat(actions(admin, w.shop()).get(0).get("appeal").isNull())
                .as("nothing was stored")
                .isTrue();
        assertBad(
                reviewer,
                "/api/v1/review/enforcement-actions",
                Map.of("shopId", w.shop(), "kind", "HOLD_ALL", "reason", "no days"),
                "days");
        assertBad(
                reviewer,
                "/api/v1/review/enforcement-actions",
                Map.of("shopId", "nope", "kind", "BAN", "days", 1),
                "shopId");
    }

    // ---------------------------------------------------------------- contests

    @Test
    void anOverturnedContestWithdrawsTheViolationLiftsTheHoldItCausedAndJoinsTheRegressionSet() {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String admin = signIn(w.admin());
        String reviewer = reviewer();
        String id = open(buyer, w, "What is your returns address?");
        String first = block(agent, id, w.shop(), 4);
        block(agent, id, w.shop(), 8);
        block(agent, id, w.shop(), 12);
        assertThat(say(agent, id, "Checking").status()).isEqualTo(202);
        String delivered = say(buyer, id, "ok").json().get("id").asString();
        String path = "/api/v1/shops/" + w.shop() + "/contests";

        assertThat(api.post(path, agent, Map.of("messageId", first, "statement", "an address"))
                        .status())
                .as("agents do not contest")
                .isEqualTo(403);
        assertBad(admin, path, Map.of("statement", "x"), "messageId");
        assertBad(admin, path, Map.of("messageId", "nope", "statement", "x"), "messageId");
        assertBad(admin, path, Map.of("messageId", delivered, "statement", "x"), "messageId");
        assertBad(admin, path, Map.of("messageId", first), "statement");
        String sellerHeld = say(agent, id, "a reply").json().get("id").asString();
        Response notContestable = api.post(path, admin, Map.of("messageId", sellerHeld, "statement", "x"));
        assertThat(notContestable.status()).as("%s", notContestable).isEqualTo(409);
        assertThat(notContestable.json().get("type").asString()).isEqualTo("urn:parley:problem:not_contestable");

        Response contest = api.post(path, admin, Map.of("messageId", first, "statement", "It is our own domain"));
        assertThat(contest.status()).as("%s", contest).isEqualTo(201);
        String contestId = contest.json().get("id").asString();
        assertThat(api.post(path, signIn(w.owner()), Map.of("messageId", first, "statement", "again"))
                        .json()
                        .get("type")
                        .asString())
                .isEqualTo("urn:parley:problem:already_contested");
        JsonNode queued = api.get("/api/v1/review/contests?shopId=" + w.shop(), reviewer)
                .json()
                .get("items")
                .get(0);
        assertThat(queued.get("message").get("status").asString()).isEqualTo("BLOCKED");
        assertThat(api.post(
                                "/api/v1/review/contests/" + contestId + "/overturn",
                                reviewer,
                                Map.of("expectedAction", "BLOCK"))
                        .status())
                .isEqualTo(400);

        Response overturned = api.post(
                "/api/v1/review/contests/" + contestId + "/overturn", reviewer, Map.of("note", "a false e-mail find"));
        assertThat(overturned.status()).as("%s", overturned).isEqualTo(200);
        assertThat(overturned.json().get("status").asString()).isEqualTo("OVERTURNED");
        assertThat(overturned.json().get("expectedAction").asString()).isEqualTo("ALLOW");
        assertThat(api.post("/api/v1/review/contests/" + contestId + "/uphold", reviewer, Map.of("reason", "x"))
                        .status())
                .isEqualTo(409);

        JsonNode violations = api.get("/api/v1/shops/" + w.shop() + "/violations", agent)
                .json()
                .get("items");
        JsonNode withdrawn = null;
        for (JsonNode v : violations) {
            if (v.get("messageId").asString().equals(first)) {
                withdrawn = v;
            }
        }
        assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
        JsonNode standing =
                api.get("/api/v1/shops/" + w.shop() + "/standing", agent).json();
        assertThat(standing.get("activePoints").asInt()).isEqualTo(8);
        JsonNode hold = actions(agent, w.shop()).get(0);
        assertThat(hold.get("kind").asString()).isEqualTo("HOLD_ALL");
        assertThat(hold.get("status").asString())
                .as("the hold rested on the overturned violation")
                .isEqualTo("LIFTED");
        assertThat(actions(agent, w.shop()).get(1).get("status").asString())
                .as("the warning still has its 6 points without it")
                .isEqualTo("ISSUED");
        say(buyer, id, "hello?");
        assertThat(say(agent, id, "Our returns desk is in the app.").status()).isEqualTo(201);

        Response export = api.get("/api/v1/review/regression-set", reviewer);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        JsonNode line = null;
        for (String l : export.raw().body().split("\n")) {
            JsonNode parsed = ApiClient.parse(l);
            if (parsed.get("id").asString().equals(first)) {
                line = parsed;
            }
        }
        assertThat(line).as("the overturned message is in the regression set").isNotNull();
        assertThat(line.get("text").asString()).contains("@example.com");
        assertThat(line.get("buyer_initiated").asBoolean()).isTrue();
        assertThat(line.get("listing").get("language").asString()).isEqualTo("en");
        assertThat(line.get("listing").get("return_days").asInt()).isEqualTo(30);
        assertThat(line.get("region").asString()).isEqualTo("SG");
        assertThat(line.get("expect").get("action").asString()).isEqualTo("ALLOW");
        assertThat(line.get("overturned").get("action").asString()).isEqualTo("BLOCK");
        assertThat(api.get("/api/v1/review/regression-set", admin).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/review/regression-set", api.token("operator1", "demo"))
                        .status())
                .isEqualTo(200);

        JsonNode history =
                api.get("/api/v1/messages/" + first + "/verdicts", agent).json();
        assertThat(last(history.get("items")).get("decision").asString()).isEqualTo("CONTEST_OVERTURNED");
    }

    // ---------------------------------------------------------------- buyers' reports

    @Test
    void aBuyerReportsASellerMessageAndAReviewerRecordsAViolationOrDismissesIt() {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String reviewer = reviewer();
        String id = open(buyer, w, "Is it in stock?");
        String rude = say(agent, id, "Read the page yourself.").json().get("id").asString();
        String polite = say(agent, id, "Yes, it is.").json().get("id").asString();
        String own = messageIds(buyer, id, "buyer").get(0);

        assertBad(buyer, "/api/v1/buyer-reports", Map.of("messageId", rude), "reason");
        assertBad(buyer, "/api/v1/buyer-reports", Map.of("messageId", own, "reason", "x"), "only the shop's messages");
        assertBad(buyer, "/api/v1/buyer-reports", Map.of("messageId", "nope", "reason", "x"), "reached you");
        assertBad(
                signIn(w.otherBuyer()),
                "/api/v1/buyer-reports",
                Map.of("messageId", rude, "reason", "x"),
                "reached you");
        assertBad(buyer, "/api/v1/buyer-reports", Map.of("messageId", rude, "reason", "x", "rule", "rudeness"), "rule");
        assertThat(api.post("/api/v1/buyer-reports", agent, Map.of("messageId", rude, "reason", "x"))
                        .status())
                .isEqualTo(403);

        Response filed = api.post(
                "/api/v1/buyer-reports",
                buyer,
                Map.of("messageId", rude, "reason", "rude answer", "rule", "abusive_language"));
        assertThat(filed.status()).as("%s", filed).isEqualTo(201);
        String reportId = filed.json().get("id").asString();
        assertThat(api.post("/api/v1/buyer-reports", buyer, Map.of("messageId", rude, "reason", "again"))
                        .status())
                .isEqualTo(409);
        clock.advance(Duration.ofSeconds(1));
        String dismissId = api.post("/api/v1/buyer-reports", buyer, Map.of("messageId", polite, "reason", "meh"))
                .json()
                .get("id")
                .asString();

        JsonNode queue =
                api.get("/api/v1/review/buyer-reports", reviewer).json().get("items");
        assertThat(queue.toString()).contains(reportId, dismissId);
        assertThat(queue(api.get("/api/v1/review/queues", reviewer).json(), "buyer-reports")
                        .get("waiting")
                        .asLong())
                .isGreaterThanOrEqualTo(2);
        Response confirmed =
                api.post("/api/v1/review/buyer-reports/" + reportId + "/confirm", reviewer, Map.of("kind", "insult"));
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
        String violationId = confirmed.json().get("violationId").asString();
        JsonNode violation = api.get("/api/v1/shops/" + w.shop() + "/violations", agent)
                .json()
                .get("items")
                .get(0);
        assertThat(violation.get("id").asString()).isEqualTo(violationId);
        assertThat(violation.get("source").asString()).isEqualTo("BUYER_REPORT");
        assertThat(violation.get("rule").asString()).isEqualTo("abusive_language");
        assertThat(violation.get("messageId").asString()).isEqualTo(rude);
        assertThat(api.post("/api/v1/review/buyer-reports/" + reportId + "/dismiss", reviewer, Map.of("reason", "x"))
                        .status())
                .isEqualTo(409);

        assertThat(api.post("/api/v1/review/buyer-reports/" + dismissId + "/dismiss", reviewer, Map.of())
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/review/buyer-reports/" + dismissId + "/dismiss",
                                reviewer,
                                Map.of("reason", "a plain answer"))
                        .status())
                .isEqualTo(200);
        JsonNode mine = api.get("/api/v1/buyer-reports", buyer).json().get("items");
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).get("status").asString()).isEqualTo("DISMISSED");
        assertThat(mine.get(1).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(api.get("/api/v1/buyer-reports", agent).status()).isEqualTo(403);
    }

    // ---------------------------------------------------------------- queues and access

    @Test
    void queueWaitingTimesAreExportedAsPrometheusGauges() {
        Response metrics = api.get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw().body())
                .contains("parley_review_queue_waiting{queue=\"held-messages\"}")
                .contains("parley_review_queue_oldest_seconds{queue=\"abuse-reports\"}")
                .contains("parley_review_queue_waiting{queue=\"appeals\"}")
                .contains("parley_review_queue_waiting{queue=\"contests\"}")
                .contains("parley_review_queue_waiting{queue=\"buyer-reports\"}");
        JsonNode waits = api.get("/api/v1/review/queues", reviewer()).json();
        assertThat(waits.get("queues")).hasSize(6);
        String openApi = api.get("/v3/api-docs", null).raw().body();
        assertThat(openApi)
                .as("the cases API is documented")
                .contains(
                        "/api/v1/review/held-messages/{messageId}/reject",
                        "/api/v1/shops/{shopId}/abuse-reports",
                        "/api/v1/shops/{shopId}/enforcement-actions/{actionId}/appeal",
                        "/api/v1/review/contests/{contestId}/overturn",
                        "/api/v1/buyer-reports",
                        "/api/v1/messages/{messageId}/verdicts",
                        "/api/v1/review/regression-set",
                        "/api/v1/review/queues");
    }

    @Test
    void aShopsCasesAreItsTeamsAndTheReviewersOnly() {
        World w = world();
        World other = world();
        String path = "/api/v1/shops/" + w.shop();
        for (String sub : List.of(
                "/standing", "/violations", "/enforcement-actions", "/abuse-reports", "/contests", "/held-messages")) {
            assertThat(api.get(path + sub, signIn(w.agent())).status()).as(sub).isEqualTo(200);
            assertThat(api.get(path + sub, reviewer()).status()).as(sub).isEqualTo(200);
            assertThat(api.get(path + sub, signIn(other.agent())).status())
                    .as(sub)
                    .isEqualTo(404);
            assertThat(api.get(path + sub, signIn(w.buyer())).status()).as(sub).isEqualTo(404);
            assertThat(api.get(path + sub, null).status()).as(sub).isEqualTo(401);
        }
        for (String queue : List.of(
                "held-messages",
                "abuse-reports",
                "appeals",
                "contests",
                "buyer-reports",
                "violations",
                "enforcement-actions",
                "queues")) {
            assertThat(api.get("/api/v1/review/" + queue, signIn(w.owner())).status())
                    .as(queue)
                    .isEqualTo(403);
            assertThat(api.get("/api/v1/review/" + queue, api.token("arbitrator1", "demo"))
                            .status())
                    .as(queue + " (arbitrators read the queues' waiting times only)")
                    .isEqualTo(queue.equals("queues") ? 200 : 403);
            assertThat(api.get("/api/v1/review/" + queue, reviewer()).status())
                    .as(queue)
                    .isEqualTo(200);
        }
        assertThat(api.get("/api/v1/shops/nope/standing", reviewer()).status()).isEqualTo(404);
    }

    @Test
    void malformedBodiesAndParametersAreRefusedWithA4xxNeverA500() {
        World w = world();
        String admin = signIn(w.admin());
        String buyer = signIn(w.buyer());
        String reviewer = reviewer();
        Map<String, String> posts = new java.util.LinkedHashMap<>();
        posts.put("/api/v1/shops/" + w.shop() + "/abuse-reports", admin);
        posts.put("/api/v1/shops/" + w.shop() + "/contests", admin);
        posts.put("/api/v1/shops/" + w.shop() + "/enforcement-actions/x/appeal", admin);
        posts.put("/api/v1/buyer-reports", buyer);
        posts.put("/api/v1/review/held-messages/x/release", reviewer);
        posts.put("/api/v1/review/held-messages/x/reject", reviewer);
        posts.put("/api/v1/review/abuse-reports/x/verify", reviewer);
        posts.put("/api/v1/review/abuse-reports/x/reject", reviewer);
        posts.put("/api/v1/review/appeals/x/grant", reviewer);
        posts.put("/api/v1/review/appeals/x/deny", reviewer);
        posts.put("/api/v1/review/contests/x/overturn", reviewer);
        posts.put("/api/v1/review/contests/x/uphold", reviewer);
        posts.put("/api/v1/review/buyer-reports/x/confirm", reviewer);
        posts.put("/api/v1/review/buyer-reports/x/dismiss", reviewer);
        posts.put("/api/v1/review/violations", reviewer);
        posts.put("/api/v1/review/enforcement-actions", reviewer);
        List<String> bodies = List.of(
                "",
                "[]",
                "\"text\"",
                "{",
                "null",
                "{\"messageIds\": 5, \"days\": \"many\", \"statement\": {}}",
                "{\"messageIds\": [null, 3], \"reason\": [\"a\"], \"kind\": 7}");
        posts.forEach((path, token) -> {
            for (String body : bodies) {
                Response r = api.post(path, token, body);
                assertThat(r.status()).as("%s %s -> %s", path, body, r).isBetween(400, 499);
                assertThat(r.contentType()).as("%s %s", path, body).startsWith("application/problem+json");
            }
        });
        for (String query : List.of("limit=abc", "limit=-1", "cursor=%21%21bad", "status=nope")) {
            for (String path : List.of(
                    "/api/v1/shops/" + w.shop() + "/violations",
                    "/api/v1/shops/" + w.shop() + "/abuse-reports",
                    "/api/v1/shops/" + w.shop() + "/contests",
                    "/api/v1/shops/" + w.shop() + "/held-messages",
                    "/api/v1/review/appeals",
                    "/api/v1/review/buyer-reports")) {
                Response r = api.get(path + "?" + query, path.contains("review") ? reviewer : admin);
                assertThat(r.status()).as("%s?%s -> %s", path, query, r).isBetween(400, 499);
            }
        }
    }

    @Test
    void pagesGetTheSameRepresentationsAndRefusalsInProcess() {
        World w = world();
        Actor reviewer = new Actor(
                Actor.Kind.STAFF,
                "reviewer1",
                "reviewer",
                PlatformRole.REVIEWER,
                Map.of(),
                "t",
                null,
                java.util.Set.of(),
                null);
        Actor stranger =
                new Actor(Actor.Kind.SELLER, "nobody", "nobody", null, Map.of(), "t2", null, java.util.Set.of(), null);
        Map<String, Object> waits = cases.queueWaits(reviewer);
        assertThat((List<?>) waits.get("queues")).hasSize(6);
        Map<String, Object> standing = cases.standing(reviewer, w.shop());
        assertThat(standing.get("activePoints")).isEqualTo(0);
        assertThat(standing.get("restriction")).isEqualTo("NONE");
        assertThat(cases.reviewHeldMessages(reviewer, w.shop(), Cases.Paging.first())
                        .items())
                .isEmpty();
        assertThatThrownBy(() -> cases.standing(stranger, w.shop()))
                .isInstanceOfSatisfying(
                        ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> cases.queueWaits(stranger))
                .isInstanceOfSatisfying(
                        ProblemException.class, p -> assertThat(p.status()).isEqualTo(403));
    }

    // ---------------------------------------------------------------- helpers

    private String reviewer() {
        return api.token("reviewer1", "demo");
    }

    private String startAction(String reviewer, String shop, String kind, Integer days, String reason) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("shopId", shop, "kind", kind, "reason", reason));
        if (days != null) {
            body.put("days", days);
        }
        Response r = api.post("/api/v1/review/enforcement-actions", reviewer, body);
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /**
     * Sends a message the checker blocks (an e-mail address), a second after the last, waits until the shop has {@code
     * points} active points, and returns the message's id.
     */
    private String block(String agent, String conversationId, String shop, int points) {
        clock.advance(Duration.ofSeconds(1));
        Response r = say(agent, conversationId, "Write to me at deals" + MAILS.incrementAndGet() + "@example.com");
        assertThat(r.status()).as("%s", r).isEqualTo(422);
        awaitPoints(agent, shop, points);
        return r.json().get("messageId").asString();
    }

    /**
     * Whether the socket receives the buyer's own messages: the server registers a socket just after the handshake, so
     * a message sent at once may precede it; the buyer writes until one comes back.
     */
    private boolean live(ApiClient.Socket socket, String buyer, String conversationId) {
        for (int attempt = 1; attempt <= 5; attempt++) {
            String ping = say(buyer, conversationId, "Any news? (" + attempt + ")")
                    .json()
                    .get("id")
                    .asString();
            for (JsonNode frame : socket.drain(1000)) {
                if (frame.get("type").asString().equals("message.created")
                        && frame.get("data").get("id").asString().equals(ping)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void awaitPoints(String token, String shop, int points) {
        await().atMost(AWAIT)
                .untilAsserted(() -> assertThat(api.get("/api/v1/shops/" + shop + "/standing", token)
                                .json()
                                .get("activePoints")
                                .asInt())
                        .isEqualTo(points));
    }

    private JsonNode actions(String token, String shop) {
        return api.get("/api/v1/shops/" + shop + "/enforcement-actions", token)
                .json()
                .get("items");
    }

    private JsonNode search(String reviewer, String query) {
        Response r = api.get("/api/v1/review/messages?" + query, reviewer);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }

    private static JsonNode wrap(JsonNode items) {
        return ApiClient.parse("{\"items\":" + items + "}");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    private List<String> messageIds(String token, String conversationId, String sender) {
        List<String> ids = new ArrayList<>();
        api.get("/api/v1/conversations/" + conversationId + "/messages", token)
                .json()
                .get("items")
                .forEach(m -> {
                    if (m.get("sender").asString().equals(sender)) {
                        ids.add(m.get("id").asString());
                    }
                });
        return ids;
    }

    private void assertBad(String token, String path, Object body, String mentions) {
        Response r = api.post(path, token, body);
        assertThat(r.status()).as("%s -> %s", body, r).isEqualTo(400);
        assertThat(r.json().get("type").asString()).isEqualTo("urn:parley:problem:invalid_request");
        assertThat(r.json().get("detail").asString()).as("%s", r).contains(mentions);
    }

    private static String appealPath(World w, String actionId) {
        return "/api/v1/shops/" + w.shop() + "/enforcement-actions/" + actionId + "/appeal";
    }

    private static JsonNode queue(JsonNode waits, String name) {
        for (JsonNode q : waits.get("queues")) {
            if (q.get("queue").asString().equals(name)) {
                return q;
            }
        }
        throw new AssertionError("no queue " + name + " in " + waits);
    }

    private static JsonNode last(JsonNode items) {
        return items.get(items.size() - 1);
    }

    private void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

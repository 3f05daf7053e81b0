package dev.parley.server.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.core.evaluation.EvaluationSettings;
import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.MessagingRestriction;
import dev.parley.server.messaging.HeldMessages;
import dev.parley.server.messaging.MessageExclusions;
import dev.parley.server.performance.internal.EvaluationRunner;
import dev.parley.server.performance.internal.EvaluationSweep;
import dev.parley.server.performance.internal.PolicyHistory;
import dev.parley.server.support.ApiClient.Response;
import dev.parley.server.support.ServerTestSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The scheduled, stored evaluations and their API (evaluation.md; issue 4, server part), written once and run on H2 and
 * PostgreSQL. Each test builds its own shop and moves the server's clock; computations are triggered directly (the
 * scheduler's own runs, on the same clock, may race with them, which the exactly-once guarantee makes harmless).
 */
abstract class EvaluationContract extends ServerTestSupport {
    static final ZoneId SGT = ZoneId.of("Asia/Singapore");
    static final Duration GRACE = Duration.ofMinutes(2);

    @Autowired
    EvaluationSweep sweep;

    @Autowired
    EvaluationRunner runner;

    @Autowired
    MessageExclusions exclusions;

    @Autowired
    HeldMessages heldMessages;

    @Autowired
    Accounts accounts;

    @Autowired
    PolicyHistory policies;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventMulticaster multicaster;

    private final List<EvaluationCompleted> completed = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> recorder = event -> {
        if (event instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof EvaluationCompleted c) {
            completed.add(c);
        }
    };

    private final Map<String, Token> tokens = new HashMap<>();

    private record Token(String value, Instant issuedAt) {}

    @BeforeEach
    void recordEvents() {
        multicaster.addApplicationListener(recorder);
        tokens.clear();
    }

    /** Signs in once per user while the clock stays within 20 days after the sign-in (sessions last 30 here). */
    @Override
    protected String signIn(String user) {
        Instant now = clock.instant();
        Token t = tokens.get(user);
        if (t == null || now.isBefore(t.issuedAt()) || now.isAfter(t.issuedAt().plus(Duration.ofDays(20)))) {
            t = new Token(super.signIn(user), now);
            tokens.put(user, t);
        }
        return t.value();
    }

    @AfterEach
    void stopRecording() {
        multicaster.removeApplicationListener(recorder);
    }

    @Test
    void theSchedulerTaskIsRegisteredInTheDatabase() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int count = 0;
        while (System.nanoTime() < end && count == 0) {
            count = jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'evaluation-sweep'")
                    .query(Integer.class)
                    .single();
            Thread.sleep(100);
        }
        assertThat(count).as("db-scheduler runs the sweep from its table").isEqualTo(1);
    }

    @Test
    void twoSweepsRunningAtOnceStoreTheEvaluationOnceAndPublishItOnce() throws Exception {
        World w = world();
        clock.set(sgt("2026-12-10T10:00:00"));
        Conversation c = open(w, "Is the hoodie warm enough for the winter?");
        clock.set(sgt("2026-12-10T10:05:00"));
        reply(w, c, "Yes, it has a fleece lining and keeps you warm below zero.");
        Instant e = sgt("2026-12-16T00:00:00");
        clock.set(e.plus(GRACE));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> run = () -> {
                start.await();
                return sweep.runDue();
            };
            Future<Integer> first = pool.submit(run);
            Future<Integer> second = pool.submit(run);
            start.countDown();
            first.get(120, TimeUnit.SECONDS);
            second.get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        sweep.runDue();
        runner.catchUp(w.shop());

        assertThat(storedRevisions(w.shop())).containsExactly(e + " r1");
        assertThat(completedFor(w.shop())).singleElement().satisfies(ev -> {
            assertThat(ev.evaluatedAt()).isEqualTo(e);
            assertThat(ev.revision()).isEqualTo(1);
            assertThat(ev.assessed()).isEqualTo(1);
            assertThat(ev.responded()).isEqualTo(1);
            assertThat(ev.status()).isEqualTo("NOT_EVALUATED");
            assertThat(ev.policyVersion()).isEqualTo("default");
        });
    }

    @Test
    void theEvaluationWaitsForTheGraceAndCountsOnlyWhatWasSettledByTheInstant() {
        World w = world();
        clock.set(sgt("2026-12-10T10:00:00"));
        Conversation c = open(w, "Do you ship to Malaysia?");
        clock.set(sgt("2026-12-10T10:05:00"));
        String r1 = reply(w, c, "We do, it takes three to five working days.");
        clock.set(sgt("2026-12-15T22:00:00"));
        String m2 = buyerSays(w, c, "And how much is the shipping fee?");
        Instant e = sgt("2026-12-16T00:00:00");
        clock.set(e.plusSeconds(30));
        String r2 = reply(w, c, "Shipping to Malaysia costs 8 SGD per parcel.");
        clock.set(sgt("2026-12-16T00:01:00"));
        String m3 = buyerSays(w, c, "Great, thank you for the quick answer!");

        clock.set(e.plus(GRACE).minusMillis(1));
        runner.catchUp(w.shop());
        assertThat(storedRevisions(w.shop())).as("not before the grace").isEmpty();

        clock.set(e.plus(GRACE));
        runner.catchUp(w.shop());
        assertThat(storedRevisions(w.shop())).containsExactly(e + " r1");
        JsonNode first = get(w, w.agent(), e, SGT, "").json();
        assertThat(first.get("assessed").asInt()).isEqualTo(1);
        assertThat(ids(first.get("messages"))).containsExactly(c.firstMessageId());
        assertThat(first.get("messages").get(0).get("replyId").asString()).isEqualTo(r1);
        assertThat(ids(first.get("skipped")))
                .as("m2 is still open at the instant; m3 came after it")
                .isEmpty();
        assertThat(Instant.parse(first.get("computedAt").asString())).isEqualTo(e.plus(GRACE));

        Instant next = sgt("2027-01-01T00:00:00");
        clock.set(next.plus(GRACE));
        runner.catchUp(w.shop());
        JsonNode second = get(w, w.agent(), next, SGT, "").json();
        assertThat(second.get("periodStart").asString()).isEqualTo("2026-12-16T00:00:00+08:00");
        assertThat(ids(second.get("messages")))
                .as("m2 rolled into the next period")
                .containsExactly(m2);
        assertThat(second.get("messages").get(0).get("replyId").asString()).isEqualTo(r2);
        assertThat(second.get("messages").get(0).get("responseSeconds").asDouble())
                .isEqualTo(7230.0);
        assertThat(second.get("skipped").get(0).get("id").asString()).isEqualTo(m3);
        assertThat(second.get("skipped").get(0).get("reason").asString()).isEqualTo("outside_hours");
    }

    @Test
    void aReportVerifiedAfterStorageProducesRevision2WithoutItsMessagesAndKeepsRevision1() {
        World w = world();
        clock.set(sgt("2026-12-10T10:00:00"));
        Conversation c = open(w, "You are useless, answer me now!!!");
        clock.set(sgt("2026-12-10T10:05:00"));
        reply(w, c, "We are sorry for the wait, how can we help you today?");
        clock.set(sgt("2026-12-10T11:00:00"));
        String m2 = buyerSays(w, c, "Where is my order, it is late.");
        clock.set(sgt("2026-12-10T11:10:00"));
        reply(w, c, "It left our warehouse yesterday and arrives on Friday.");
        Instant e = sgt("2026-12-16T00:00:00");
        clock.set(e.plus(GRACE));
        runner.catchUp(w.shop());
        assertThat(storedRevisions(w.shop())).containsExactly(e + " r1");

        clock.set(e.plus(Duration.ofDays(1)));
        exclusions.exclude(w.shop(), List.of(c.firstMessageId()), "report-77");
        awaitRevisions(w.shop(), 2);

        assertThat(storedRevisions(w.shop())).containsExactly(e + " r1", e + " r2");
        JsonNode latest = get(w, w.agent(), e, SGT, "").json();
        assertThat(latest.get("revision").asInt()).isEqualTo(2);
        assertThat(latest.get("latestRevision").asInt()).isEqualTo(2);
        assertThat(latest.get("cause").asString()).isEqualTo("report:report-77");
        assertThat(latest.get("assessed").asInt()).isEqualTo(1);
        assertThat(ids(latest.get("messages"))).containsExactly(m2);
        assertThat(ids(latest.get("skipped"))).containsExactly(c.firstMessageId());
        assertThat(latest.get("skipped").get(0).get("reason").asString()).isEqualTo("excluded");

        JsonNode kept = get(w, w.agent(), e, SGT, "?revision=1").json();
        assertThat(kept.get("revision").asInt()).isEqualTo(1);
        assertThat(kept.get("latestRevision").asInt()).isEqualTo(2);
        assertThat(kept.get("cause").asString()).isEqualTo("scheduled");
        assertThat(kept.get("assessed").asInt()).isEqualTo(2);
        assertThat(ids(kept.get("messages"))).containsExactly(c.firstMessageId(), m2);

        JsonNode list = api.get("/api/v1/shops/" + w.shop() + "/evaluations", signIn(w.agent()))
                .json();
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.get("items").get(0).get("revision").asInt()).isEqualTo(2);
        assertThat(completedFor(w.shop()))
                .extracting(EvaluationCompleted::revision, EvaluationCompleted::assessed)
                .containsExactly(tuple(1, 2), tuple(2, 1));

        exclusions.exclude(w.shop(), List.of(m2), "report-78");
        awaitRevisions(w.shop(), 3);
        clock.advance(Duration.ofMinutes(1));
        runner.revise(w.shop(), List.of(sgt("2026-12-10T10:00:00")), "report:again");
        assertThat(storedRevisions(w.shop()))
                .as("a recomputation that changes nothing stores nothing")
                .containsExactly(e + " r1", e + " r2", e + " r3");
    }

    @Test
    void aHeldReplyReleasedAfterStorageRevisesBothEvaluationsItMovesAMessageBetween() {
        World w = world();
        clock.set(sgt("2026-12-15T20:00:00"));
        Conversation c = open(w, "Can I get a discount for two hoodies?");
        accounts.restrictMessaging(w.shop(), MessagingRestriction.HOLD_ALL);
        String heldId;
        try {
            clock.set(sgt("2026-12-15T21:00:00"));
            Response held = say(signIn(w.agent()), c.id(), "Two hoodies come with free shipping instead.");
            assertThat(held.status()).as("%s", held).isEqualTo(202);
            heldId = held.json().get("id").asString();
        } finally {
            accounts.restrictMessaging(w.shop(), MessagingRestriction.NONE);
        }
        Instant e1 = sgt("2026-12-16T00:00:00");
        Instant e2 = sgt("2027-01-01T00:00:00");
        clock.set(e2.plus(GRACE));
        runner.catchUp(w.shop());
        assertThat(get(w, w.agent(), e1, SGT, "").json().get("assessed").asInt())
                .as("still open at the first instant")
                .isZero();
        JsonNode before = get(w, w.agent(), e2, SGT, "").json();
        assertThat(ids(before.get("messages"))).containsExactly(c.firstMessageId());
        assertThat(before.get("responded").asInt())
                .as("a held reply is not a reply")
                .isZero();

        clock.set(e2.plus(Duration.ofDays(1)));
        heldMessages.release(heldId, "reviewer1");
        awaitRevisions(w.shop(), 4);

        JsonNode first = get(w, w.agent(), e1, SGT, "").json();
        assertThat(first.get("revision").asInt()).isEqualTo(2);
        assertThat(first.get("cause").asString()).isEqualTo("released:" + heldId);
        assertThat(first.get("responded").asInt())
                .as("settled by the reply, at the first instant")
                .isEqualTo(1);
        JsonNode m = first.get("messages").get(0);
        assertThat(m.get("id").asString()).isEqualTo(c.firstMessageId());
        assertThat(m.get("replyId").asString()).isEqualTo(heldId);
        assertThat(m.get("replyAt").asString()).as("its sending time").isEqualTo("2026-12-15T13:00:00.000Z");
        assertThat(m.get("responseSeconds").asDouble()).isEqualTo(3600.0);
        JsonNode second = get(w, w.agent(), e2, SGT, "").json();
        assertThat(second.get("revision").asInt()).isEqualTo(2);
        assertThat(second.get("assessed").asInt())
                .as("no longer assessed twice")
                .isZero();
        assertThat(get(w, w.agent(), e2, SGT, "?revision=1")
                        .json()
                        .get("assessed")
                        .asInt())
                .isEqualTo(1);
        assertThat(completedFor(w.shop()))
                .extracting(EvaluationCompleted::evaluatedAt, EvaluationCompleted::revision)
                .containsExactlyInAnyOrder(tuple(e1, 1), tuple(e2, 1), tuple(e1, 2), tuple(e2, 2));
    }

    @Test
    void theApiAnswersTheTeamAndStaffAndRefusesEveryoneElse() {
        World w = world();
        World other = world();
        clock.set(sgt("2026-12-10T10:00:00"));
        Conversation c = open(w, "Is the hoodie machine washable?");
        clock.set(sgt("2026-12-10T10:05:00"));
        String r1 = reply(w, c, "Yes, at 30 degrees, inside out.");
        Instant e1 = sgt("2026-12-16T00:00:00");
        Instant e2 = sgt("2027-01-01T00:00:00");
        clock.set(e2.plus(GRACE));
        runner.catchUp(w.shop());
        String agent = signIn(w.agent());
        String base = "/api/v1/shops/" + w.shop() + "/evaluations";

        JsonNode all = api.get(base, agent).json();
        assertThat(all.get("items")).hasSize(2);
        assertThat(all.get("items").get(0).get("evaluatedAt").asString()).isEqualTo("2027-01-01T00:00:00+08:00");
        assertThat(all.get("items").get(0).get("messages"))
                .as("no explanation in the list")
                .isNull();
        assertThat(all.get("next").isNull()).isTrue();
        JsonNode page1 = api.get(base + "?limit=1", agent).json();
        assertThat(page1.get("items")).hasSize(1);
        JsonNode page2 = api.get(base + "?limit=1&cursor=" + page1.get("next").asString(), agent)
                .json();
        assertThat(page2.get("items").get(0).get("evaluatedAt").asString()).isEqualTo("2026-12-16T00:00:00+08:00");
        assertThat(page2.get("next").isNull()).isTrue();
        assertThat(api.get(base + "?limit=0", agent).status()).isEqualTo(400);
        assertThat(api.get(base + "?cursor=yesterday", agent).status()).isEqualTo(400);

        Response one = get(w, w.agent(), e1, SGT, "");
        assertThat(one.status()).isEqualTo(200);
        JsonNode j = one.json();
        assertThat(j.get("shopId").asString()).isEqualTo(w.shop());
        assertThat(j.get("evaluatedAt").asString()).isEqualTo("2026-12-16T00:00:00+08:00");
        assertThat(j.get("periodStart").asString()).isEqualTo("2026-12-01T00:00:00+08:00");
        assertThat(j.get("status").asString()).isEqualTo("NOT_EVALUATED");
        assertThat(j.get("reason").asString()).isEqualTo("too_few_messages");
        assertThat(j.get("assessed").asInt()).isEqualTo(1);
        assertThat(j.get("responded").asInt()).isEqualTo(1);
        assertThat(j.get("responseRate").isNull()).isTrue();
        assertThat(j.get("meanResponseSeconds").isNull()).isTrue();
        assertThat(j.get("policyVersion").asString()).isEqualTo("default");
        assertThat(j.get("revision").asInt()).isEqualTo(1);
        JsonNode m = j.get("messages").get(0);
        assertThat(m.get("id").asString()).isEqualTo(c.firstMessageId());
        assertThat(m.get("conversationId").asString()).isEqualTo(c.id());
        assertThat(m.get("at").asString()).isEqualTo("2026-12-10T02:00:00.000Z");
        assertThat(m.get("replyId").asString()).isEqualTo(r1);
        assertThat(m.get("replyAt").asString()).isEqualTo("2026-12-10T02:05:00.000Z");
        assertThat(m.get("responseSeconds").asDouble()).isEqualTo(300.0);
        assertThat(m.get("responded").asBoolean()).isTrue();

        assertThat(api.get(base + "/2026-12-15T16:00:00Z", agent).status())
                .as("the same instant written in UTC")
                .isEqualTo(200);
        String csvHeader = "messageId,conversationId,sentAt,outcome,replyId,replyAt,responseSeconds";
        String csvRow = c.firstMessageId() + "," + c.id() + ",2026-12-10T02:00:00.000Z,responded," + r1
                + ",2026-12-10T02:05:00.000Z,300.0";
        for (String suffix : List.of(".csv", "?format=csv")) {
            Response csv = api.get(base + "/" + encode(e1, SGT) + suffix, agent);
            assertThat(csv.status()).as("%s", csv).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            assertThat(csv.header("Content-Disposition")).contains("attachment");
            assertThat(csv.raw().body().lines().toList()).containsExactly(csvHeader, csvRow);
        }

        for (String user : List.of(w.owner(), w.admin())) {
            assertThat(get(w, user, e1, SGT, "").status()).isEqualTo(200);
        }
        String reviewer = api.token("reviewer1", "demo");
        assertThat(api.get(base + "/" + encode(e1, SGT), reviewer).status()).isEqualTo(200);
        assertThat(api.get(base + "/current", reviewer).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/shops/demo-shop/evaluations/current", reviewer)
                        .status())
                .as("a shop whose zone the module never recorded")
                .isEqualTo(200);

        Response otherTenant = api.get(base + "/" + encode(e1, SGT), signIn(other.agent()));
        assertThat(otherTenant.status()).isEqualTo(404);
        assertThat(otherTenant.contentType()).startsWith("application/problem+json");
        assertThat(otherTenant.json().get("type").asString()).isEqualTo("urn:parley:problem:not_found");
        assertThat(api.get(base, signIn(other.owner())).status()).isEqualTo(404);
        Response buyer = api.get(base + "/" + encode(e1, SGT), signIn(w.buyer()));
        assertThat(buyer.status()).isEqualTo(403);
        assertThat(buyer.json().get("type").asString()).isEqualTo("urn:parley:problem:forbidden");
        assertThat(api.get(base, signIn(w.buyer())).status()).isEqualTo(403);
        assertThat(api.get(base + "/current", signIn(w.buyer())).status()).isEqualTo(403);
        assertThat(api.get(base, null).status()).isEqualTo(401);

        String unknownShop = "/api/v1/shops/no-such-shop-" + System.nanoTime() + "/evaluations";
        assertThat(api.get(unknownShop, agent).status()).isEqualTo(404);
        assertThat(api.get(unknownShop + "/" + encode(e1, SGT), reviewer).status())
                .isEqualTo(404);
        Response noEvaluation = api.get(base + "/" + encode(sgt("2026-12-17T00:00:00"), SGT), agent);
        assertThat(noEvaluation.status()).isEqualTo(404);
        assertThat(noEvaluation.json().get("type").asString()).isEqualTo("urn:parley:problem:not_found");
        for (String bad : List.of("not-an-instant", "2026-12-16T00:00:00", "2026-13-16T00:00:00+08:00")) {
            Response malformed = api.get(base + "/" + bad, agent);
            assertThat(malformed.status()).as(bad).isEqualTo(400);
            assertThat(malformed.json().get("type").asString()).isEqualTo("urn:parley:problem:invalid_request");
        }
        assertThat(get(w, w.agent(), e1, SGT, "?revision=2").status()).isEqualTo(404);
        assertThat(get(w, w.agent(), e1, SGT, "?revision=zero").status()).isEqualTo(400);
        assertThat(get(w, w.agent(), e1, SGT, "?format=xml").status()).isEqualTo(400);

        String docs = api.get("/v3/api-docs", agent).raw().body();
        assertThat(docs)
                .contains(
                        "/api/v1/shops/{shopId}/evaluations",
                        "/api/v1/shops/{shopId}/evaluations/{instant}",
                        "/api/v1/shops/{shopId}/evaluations/current");
    }

    @Test
    void theCurrentPeriodCountsWhatIsSettledSoFar() {
        World w = world();
        clock.set(sgt("2026-12-02T10:00:00"));
        Conversation c = open(w, "Which colours does the hoodie come in?");
        clock.set(sgt("2026-12-02T10:01:00"));
        reply(w, c, "Grey, navy and forest green.");
        clock.set(sgt("2026-12-03T09:00:00"));
        String open = buyerSays(w, c, "Is the navy one in stock in M?");
        clock.set(sgt("2026-12-03T12:00:00"));

        JsonNode current = api.get("/api/v1/shops/" + w.shop() + "/evaluations/current", signIn(w.agent()))
                .json();
        assertThat(current.get("evaluatedAt").asString()).isEqualTo("2026-12-16T00:00:00+08:00");
        assertThat(current.get("periodStart").asString()).isEqualTo("2026-12-01T00:00:00+08:00");
        assertThat(current.get("asOf").asString()).isEqualTo(clock.instant().toString());
        assertThat(current.get("assessed").asInt())
                .as("the open message is not settled yet")
                .isEqualTo(1);
        assertThat(ids(current.get("messages")))
                .containsExactly(c.firstMessageId())
                .doesNotContain(open);
    }

    @Test
    void aShopInADaylightSavingZoneIsEvaluatedOnItsLocalCalendarAndHours() {
        clock.set(Instant.parse("2026-10-20T12:00:00Z"));
        World w = world();
        ZoneId newYork = ZoneId.of("America/New_York");
        Response moved = api.put(
                "/api/v1/operator/shops/" + w.shop(),
                api.token("operator1", "demo"),
                Map.of("name", "Shop in New York", "zone", newYork.getId(), "region", "US", "language", "en"));
        assertThat(moved.status()).isEqualTo(200);

        clock.set(Instant.parse("2026-11-10T12:59:59.999Z"));
        Conversation c = open(w, "Good morning, is the store open on Sunday?");
        clock.set(Instant.parse("2026-11-10T13:00:00Z"));
        String counted = buyerSays(w, c, "And on public holidays?");
        clock.set(Instant.parse("2026-11-10T13:10:00Z"));
        reply(w, c, "We are open every day from nine to six, holidays too.");

        Instant e = LocalDateTime.parse("2026-11-16T00:00:00").atZone(newYork).toInstant();
        assertThat(e).isEqualTo(Instant.parse("2026-11-16T05:00:00Z"));
        clock.set(e.plus(GRACE));
        runner.catchUp(w.shop());
        Response r = api.get("/api/v1/shops/" + w.shop() + "/evaluations/" + encode(e, newYork), signIn(w.agent()));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("evaluatedAt").asString()).isEqualTo("2026-11-16T00:00:00-05:00");
        assertThat(j.get("periodStart").asString())
                .as("the period began before the change to standard time")
                .isEqualTo("2026-11-01T00:00:00-04:00");
        assertThat(j.get("zone").asString()).isEqualTo("America/New_York");
        assertThat(ids(j.get("skipped"))).as("07:59:59.999 local").containsExactly(c.firstMessageId());
        assertThat(ids(j.get("messages"))).as("08:00:00.000 local").containsExactly(counted);
        assertThat(j.get("messages").get(0).get("responseSeconds").asDouble()).isEqualTo(600.0);
        assertThat(storedRevisions(w.shop())).containsExactly(e + " r1");
    }

    @Test
    void aNewPolicyVersionTakesEffectAtTheNextEvaluationInstant() {
        // Far from the other tests' dates: the policy history is shared by every test of this context.
        clock.set(sgt("2031-01-05T09:00:00"));
        World w = world();
        Conversation c = open(w, "Do you restock the large size soon?");
        clock.set(sgt("2031-01-05T09:05:00"));
        reply(w, c, "Next week, on Tuesday morning.");
        clock.set(sgt("2031-01-06T12:00:00"));
        EvaluationSettings minimumOne =
                EvaluationSettings.defaults().withVersion("minimum-one").withMinimumMessages(1);
        policies.adopt(minimumOne);
        assertThatThrownBy(() -> policies.adopt(minimumOne.withMinimumMessages(2)))
                .as("a version's settings never change")
                .isInstanceOf(IllegalStateException.class);
        clock.set(sgt("2031-01-20T10:00:00"));
        buyerSays(w, c, "Is Tuesday still the plan?");
        clock.set(sgt("2031-01-20T10:30:00"));
        reply(w, c, "Yes, Tuesday it is.");

        Instant e1 = sgt("2031-01-16T00:00:00");
        Instant e2 = sgt("2031-02-01T00:00:00");
        clock.set(e2.plus(GRACE));
        runner.catchUp(w.shop());
        JsonNode first = get(w, w.agent(), e1, SGT, "").json();
        assertThat(first.get("policyVersion").asString())
                .as("the period began under the old version")
                .isEqualTo("default");
        assertThat(first.get("status").asString()).isEqualTo("NOT_EVALUATED");
        JsonNode second = get(w, w.agent(), e2, SGT, "").json();
        assertThat(second.get("policyVersion").asString()).isEqualTo("minimum-one");
        assertThat(second.get("status").asString()).isEqualTo("EVALUATED");
        assertThat(second.get("responseRate").asDouble()).isEqualTo(1.0);
        assertThat(second.get("meanResponseSeconds").asDouble()).isEqualTo(1800.0);
    }

    // --- fixtures

    /** A conversation and the id of its first (buyer) message. */
    record Conversation(String id, String firstMessageId) {}

    Conversation open(World w, String text) {
        Response r = api.post(
                "/api/v1/conversations",
                signIn(w.buyer()),
                Map.of("shopId", w.shop(), "productId", w.product(), "text", text));
        assertThat(r.status()).as("%s", r).isIn(200, 201);
        return new Conversation(
                r.json().get("id").asString(), r.json().get("message").get("id").asString());
    }

    String buyerSays(World w, Conversation c, String text) {
        Response r = say(signIn(w.buyer()), c.id(), text);
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json().get("id").asString();
    }

    String reply(World w, Conversation c, String text) {
        Response r = say(signIn(w.agent()), c.id(), text);
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        assertThat(r.json().get("status").asString()).as("delivered").isEqualTo("DELIVERED");
        return r.json().get("id").asString();
    }

    Response get(World w, String user, Instant instant, ZoneId zone, String query) {
        return api.get("/api/v1/shops/" + w.shop() + "/evaluations/" + encode(instant, zone) + query, signIn(user));
    }

    static String encode(Instant instant, ZoneId zone) {
        return URLEncoder.encode(instant.atZone(zone).toOffsetDateTime().toString(), StandardCharsets.UTF_8);
    }

    static Instant sgt(String local) {
        return LocalDateTime.parse(local).atZone(SGT).toInstant();
    }

    static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.get("id").asString()));
        return ids;
    }

    List<String> storedRevisions(String shopId) {
        return jdbc.sql("SELECT evaluated_at, revision FROM evaluation WHERE shop_id = ? ORDER BY evaluated_at,"
                        + " revision")
                .param(shopId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant() + " r" + rs.getInt(2))
                .list();
    }

    List<EvaluationCompleted> completedFor(String shopId) {
        return completed.stream().filter(e -> e.shopId().equals(shopId)).toList();
    }

    /** Waits until the shop has {@code count} stored revisions (listeners may run after the publisher returns). */
    void awaitRevisions(String shopId, int count) {
        awaitTrue(() -> storedRevisions(shopId).size() >= count);
    }

    static void awaitTrue(Supplier<Boolean> condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.get()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 20 seconds");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

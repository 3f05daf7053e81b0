package dev.parley.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.server.support.ApiClient.Response;
import dev.parley.server.support.ServerTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Buyer privacy through HTTP, written once and run on H2 and PostgreSQL: the audited shipping-contact read (masked
 * everywhere else), the audit log for reviewers, the buyer's export, erasure that keeps the compliance records, and bad
 * inputs that change nothing.
 */
abstract class PrivacyApiContract extends ServerTestSupport {
    private static final byte[] PNG = {
        (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    private static final String STREET = "12 Orchard Road";

    private String operator() {
        return api.token("operator1", "demo");
    }

    private String reviewer() {
        return api.token("reviewer1", "demo");
    }

    private Map<String, Object> address() {
        Map<String, Object> a = new HashMap<>();
        a.put("name", "Private Person");
        a.put("line1", STREET);
        a.put("line2", "#04-01");
        a.put("city", "Singapore");
        a.put("postalCode", "238801");
        a.put("country", "sg");
        a.put("phone", "+65 8123 0000");
        return a;
    }

    private String order(World w, String suffix, Map<String, Object> address) {
        String id = "order-" + suffix + "-" + w.shop();
        Map<String, Object> body = new HashMap<>();
        body.put("shopId", w.shop());
        body.put("buyerId", w.buyer());
        body.put("lines", List.of(Map.of("productId", w.product(), "quantity", 1)));
        body.put("shippingAddress", address);
        Response r = api.put("/api/v1/operator/orders/" + id, operator(), body);
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return id;
    }

    private String contactPath(String shop, String order) {
        return "/api/v1/shops/" + shop + "/orders/" + order + "/shipping-contact";
    }

    private JsonNode auditOf(String subject) {
        Response r = api.get("/api/v1/review/audit-log?subjectId=" + subject, reviewer());
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json().get("items");
    }

    @Test
    void aTeamMemberReadsTheShippingContactOnlyThroughTheAuditedReadWhichReviewersSee() {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String order = order(w, "a", address());
        String conversation = api.post(
                        "/api/v1/conversations",
                        buyer,
                        Map.of("shopId", w.shop(), "orderId", order, "text", "When does my order ship?"))
                .json()
                .get("id")
                .asString();
        say(agent, conversation, "Today, thank you for waiting.");

        for (String path : List.of(
                "/api/v1/orders/" + order,
                "/api/v1/conversations/" + conversation,
                "/api/v1/conversations/" + conversation + "/messages",
                "/api/v1/conversations?limit=200")) {
            Response seen = api.get(path, agent);
            assertThat(seen.status()).as("%s %s", path, seen).isEqualTo(200);
            assertThat(seen.raw().body())
                    .as("a seller view of %s shows no personal data", path)
                    .doesNotContain(STREET, "Private Person", "private@example.com", "8123", "238801");
        }

        Response contact = api.get(contactPath(w.shop(), order) + "?purpose=fulfilment", agent);
        assertThat(contact.status()).as("%s", contact).isEqualTo(200);
        assertThat(contact.json().get("line1").asString()).isEqualTo(STREET);
        assertThat(contact.json().get("name").asString()).isEqualTo("Private Person");
        assertThat(contact.json().get("country").asString()).isEqualTo("SG");
        assertThat(contact.json().get("phone").asString()).isEqualTo("+65 8123 0000");

        JsonNode entries = auditOf(w.buyer());
        assertThat(entries).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.get("action").asString()).isEqualTo("shipping_contact.read");
        assertThat(entry.get("actorId").asString()).isEqualTo(w.agent());
        assertThat(entry.get("actorRole").asString()).isEqualTo("agent");
        assertThat(entry.get("shopId").asString()).isEqualTo(w.shop());
        assertThat(entry.get("orderId").asString()).isEqualTo(order);
        assertThat(entry.get("purpose").asString()).isEqualTo("fulfilment");
        assertThat(entry.get("tokenId").asString()).isNotBlank();
        assertThat(entry.get("ip").asString()).isNotBlank();
        assertThat(entry.get("fields").toString()).contains("line1", "phone", "name");
        assertThat(entry.get("id").asString())
                .isEqualTo(contact.json().get("auditId").asString());
        assertThat(api.get("/api/v1/review/audit-log?shopId=" + w.shop() + "&actorId=" + w.agent(), reviewer())
                        .json()
                        .get("items"))
                .hasSize(1);

        for (String seller : List.of(agent, signIn(w.admin()), signIn(w.owner()))) {
            assertThat(api.get("/api/v1/review/audit-log?subjectId=" + w.buyer(), seller)
                            .status())
                    .isEqualTo(403);
        }
        assertThat(api.get("/api/v1/review/audit-log", api.token("arbitrator1", "demo"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/review/audit-log", buyer).status()).isEqualTo(403);

        World other = world();
        String otherOrder = order(other, "b", address());
        assertThat(api.get(contactPath(w.shop(), otherOrder) + "?purpose=fulfilment", agent)
                        .status())
                .as("another shop's order through this shop")
                .isEqualTo(404);
        assertThat(api.get(contactPath(other.shop(), otherOrder) + "?purpose=fulfilment", agent)
                        .status())
                .as("another shop's path")
                .isEqualTo(404);
        assertThat(api.get(contactPath(w.shop(), order) + "?purpose=fulfilment", signIn(other.agent()))
                        .status())
                .as("another shop's agent")
                .isEqualTo(404);
        assertThat(api.get(contactPath(w.shop(), order) + "?purpose=fulfilment", reviewer())
                        .status())
                .isEqualTo(403);
        assertThat(api.get(contactPath(w.shop(), order) + "?purpose=fulfilment", buyer)
                        .status())
                .isEqualTo(403);
        assertThat(api.get(contactPath(w.shop(), order) + "?purpose=fulfilment", null)
                        .status())
                .isEqualTo(401);
        assertThat(auditOf(w.buyer())).as("refused reads are not disclosures").hasSize(1);
    }

    @Test
    void staffReadsOfContactDataAreAuditedToo() {
        World w = world();
        Response read = api.get("/api/v1/review/users/" + w.buyer() + "/contact?purpose=support", reviewer());
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        assertThat(read.json().get("email").asString()).isEqualTo("private@example.com");
        JsonNode entry = auditOf(w.buyer()).get(0);
        assertThat(entry.get("action").asString()).isEqualTo("contact.read");
        assertThat(entry.get("actorId").asString()).isEqualTo("reviewer1");
        assertThat(entry.get("actorRole").asString()).isEqualTo("reviewer");
        assertThat(entry.get("purpose").asString()).isEqualTo("support");
        assertThat(api.get("/api/v1/review/users/" + w.buyer() + "/contact?purpose=dispute", signIn(w.admin()))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/review/users/" + w.buyer() + "/contact", reviewer())
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/review/users/nobody-at-all/contact?purpose=support", reviewer())
                        .status())
                .isEqualTo(404);
        assertThat(auditOf(w.buyer())).hasSize(1);
    }

    @Test
    void theExportHoldsEverythingAboutTheBuyer() {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String order = order(w, "x", address());
        String conversation = open(buyer, w, "Is the hoodie warm?");
        String image = api.upload(buyer, "me.png", PNG).json().get("id").asString();
        Response withImage = api.post(
                "/api/v1/conversations/" + conversation + "/messages",
                buyer,
                Map.of("text", "Here is a photo", "attachmentIds", List.of(image)));
        assertThat(withImage.status()).as("%s", withImage).isEqualTo(201);
        String reply = say(agent, conversation, "Very warm, fleece lined.")
                .json()
                .get("id")
                .asString();
        Response report = api.post(
                "/api/v1/buyer-reports", buyer, Map.of("messageId", reply, "reason", "It is not fleece lined"));
        assertThat(report.status()).as("%s", report).isEqualTo(201);
        api.get(contactPath(w.shop(), order) + "?purpose=fulfilment", agent);
        clock.advance(Duration.ofSeconds(1));

        Response export = api.get("/api/v1/me/export", buyer);
        assertThat(export.status()).as("%s", export).isEqualTo(200);
        JsonNode e = export.json();
        assertThat(e.get("account").get("id").asString()).isEqualTo(w.buyer());
        assertThat(e.get("account").get("legalName").asString()).isEqualTo("Private Person");
        assertThat(e.get("account").get("email").asString()).isEqualTo("private@example.com");
        assertThat(e.get("account").get("phone").asString()).isEqualTo("+65 8123 0000");
        assertThat(e.get("orders")).hasSize(1);
        assertThat(e.get("orders").get(0).get("shippingAddress").get("line1").asString())
                .isEqualTo(STREET);
        assertThat(e.get("conversations")).hasSize(1);
        JsonNode messages = e.get("conversations").get(0).get("messages");
        assertThat(texts(messages))
                .containsExactly("Is the hoodie warm?", "Here is a photo", "Very warm, fleece lined.");
        assertThat(e.get("attachments")).hasSize(1);
        assertThat(e.get("attachments").get(0).get("id").asString()).isEqualTo(image);
        assertThat(e.get("attachments").get(0).get("contentType").asString()).isEqualTo("image/png");
        assertThat(e.get("buyerReports")).hasSize(1);
        assertThat(e.get("buyerReports").get(0).get("reason").asString()).isEqualTo("It is not fleece lined");
        List<String> actions = new ArrayList<>();
        e.get("auditLog").forEach(a -> actions.add(a.get("action").asString()));
        assertThat(actions).containsExactly("shipping_contact.read", "export");

        assertThat(api.get("/api/v1/me/export", agent).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/me/export", reviewer()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/me/export", null).status()).isEqualTo(401);
    }

    @Test
    void erasureRemovesPersonalDataEverywhereAndKeepsTheComplianceRecordsPseudonymised() {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String reviewer = reviewer();
        String order = order(w, "e", address());
        String conversation = open(buyer, w, "My name is Private Person, where is my parcel?");
        String image = api.upload(buyer, "me.png", PNG).json().get("id").asString();
        api.post(
                "/api/v1/conversations/" + conversation + "/messages",
                buyer,
                Map.of("text", "see this", "attachmentIds", List.of(image)));
        clock.advance(Duration.ofMinutes(2));
        say(agent, conversation, "It is on its way.");
        clock.advance(Duration.ofMinutes(1));
        String rude = say(buyer, conversation, "Refund me twice or I will ruin your shop, idiots")
                .json()
                .get("id")
                .asString();
        Response filed = api.post(
                "/api/v1/shops/" + w.shop() + "/abuse-reports",
                agent,
                Map.of("conversationId", conversation, "messageIds", List.of(rude), "category", "threatening"));
        assertThat(filed.status()).as("%s", filed).isEqualTo(201);
        String reportId = filed.json().get("id").asString();
        clock.advance(Duration.ofSeconds(1));
        Response blocked = say(agent, conversation, "Write to me at deals@example.com");
        assertThat(blocked.status()).as("%s", blocked).isEqualTo(422);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/v1/shops/" + w.shop() + "/violations", agent)
                                .json()
                                .get("items")
                                .size()
                        == 1);
        String evaluationBefore = api.get("/api/v1/shops/" + w.shop() + "/evaluations/current", agent)
                .raw()
                .body();
        String violationsBefore = api.get("/api/v1/shops/" + w.shop() + "/violations", agent)
                .raw()
                .body();

        String arbitrator = api.token("arbitrator1", "demo");
        String dispute = api.post(
                        "/api/v1/conversations/" + conversation + "/disputes",
                        buyer,
                        Map.of("reason", "The parcel never came"))
                .json()
                .get("id")
                .asString();
        assertThat(api.post("/api/v1/review/disputes/" + dispute + "/take", arbitrator, Map.of())
                        .status())
                .isEqualTo(200);
        Response decided = api.post(
                "/api/v1/review/disputes/" + dispute + "/decide",
                arbitrator,
                Map.of("outcome", "SETTLED", "decision", "The shop refunds half"));
        assertThat(decided.status()).as("%s", decided).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        !mailsTo(reviewer, "private@example.com", w.buyer()).isEmpty());

        // Refused erasures change nothing.
        assertThat(api.post("/api/v1/me/erasure", buyer, Map.of("password", "wrong-password"))
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/me/erasure", buyer, Map.of()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/me/erasure", buyer, "not json").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/me/erasure", agent, Map.of("password", "secret-pw"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/me/export", buyer)
                        .json()
                        .get("account")
                        .get("email")
                        .asString())
                .isEqualTo("private@example.com");

        Response erased = api.post("/api/v1/me/erasure", buyer, Map.of("password", "secret-pw"));
        assertThat(erased.status()).as("%s", erased).isEqualTo(200);
        String pseudonym = erased.json().get("pseudonym").asString();
        assertThat(pseudonym).matches("buyer-[0-9a-f]{12}");
        assertThat(erased.json().get("alreadyErased").asBoolean()).isFalse();
        assertThat(erased.json().get("shippingAddressesRemoved").asInt()).isEqualTo(1);

        // Sign-in and the old token are refused; a repeat by the operator is a no-op.
        assertThat(api.post("/api/v1/auth/token", null, Map.of("username", w.buyer(), "password", "secret-pw"))
                        .status())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/auth/token", null, Map.of("username", pseudonym, "password", "secret-pw"))
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/me", buyer).status()).isEqualTo(401);
        Response again = api.post("/api/v1/operator/users/" + w.buyer() + "/erasure", operator(), Map.of());
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(again.json().get("alreadyErased").asBoolean()).isTrue();
        assertThat(again.json().get("pseudonym").asString()).isEqualTo(pseudonym);
        assertThat(api.put(
                                "/api/v1/operator/users/" + w.buyer(),
                                operator(),
                                Map.of("displayName", "back again", "email", "private@example.com"))
                        .status())
                .as("an erased buyer cannot be upserted back")
                .isEqualTo(409);

        // Personal data is gone from every view.
        JsonNode seen = api.get("/api/v1/conversations/" + conversation, agent).json();
        assertThat(seen.get("buyer").get("displayName").asString()).isEqualTo(pseudonym);
        JsonNode messages = api.get("/api/v1/conversations/" + conversation + "/messages", agent)
                .json()
                .get("items");
        List<String> texts = new ArrayList<>();
        messages.forEach(m -> {
            if (!m.get("sender").asString().equals("platform")) {
                texts.add(m.get("text").asString());
            }
        });
        assertThat(texts)
                .containsExactly(
                        "[removed at the buyer's request]",
                        "[removed at the buyer's request]",
                        "It is on its way.",
                        "[removed at the buyer's request]",
                        "Write to me at deals@example.com");
        assertThat(messages.get(1).get("attachments").size()).isZero();
        assertThat(api.get("/api/v1/attachments/" + image, agent).status()).isEqualTo(404);
        for (String path : List.of(
                "/api/v1/conversations/" + conversation,
                "/api/v1/conversations/" + conversation + "/messages",
                "/api/v1/conversations?limit=200&q=Private",
                "/api/v1/orders/" + order,
                "/api/v1/review/users/" + w.buyer() + "/contact?purpose=support")) {
            String body = api.get(path, path.contains("/review/") ? reviewer : agent)
                    .raw()
                    .body();
            assertThat(body).as(path).doesNotContain("Private Person", "private@example.com", "8123", STREET);
            assertThat(body).as(path).doesNotContain("shopper-");
        }
        assertThat(api.get(contactPath(w.shop(), order) + "?purpose=fulfilment", agent)
                        .status())
                .isEqualTo(404);
        assertThat(mailsTo(reviewer, "private@example.com", w.buyer()))
                .as("the outbox keeps no notice to the erased buyer")
                .isEmpty();
        assertThat(erased.json().get("noticesErased").asInt()).isPositive();

        // The compliance records stay, pseudonymised; the shop's figures do not change.
        JsonNode evidence = api.get("/api/v1/review/abuse-reports?shopId=" + w.shop(), reviewer)
                .json()
                .get("items");
        assertThat(evidence).hasSize(1);
        JsonNode frozen = api.get("/api/v1/shops/" + w.shop() + "/abuse-reports/" + reportId + "/evidence", agent)
                .json();
        assertThat(frozen.get("conversation").get("buyer").get("displayName").asString())
                .isEqualTo(pseudonym);
        assertThat(frozen.toString()).contains("Refund me twice or I will ruin your shop, idiots");
        assertThat(frozen.toString()).doesNotContain("shopper-");
        assertThat(api.get("/api/v1/shops/" + w.shop() + "/violations", agent)
                        .raw()
                        .body())
                .isEqualTo(violationsBefore);
        assertThat(api.get("/api/v1/shops/" + w.shop() + "/evaluations/current", agent)
                        .raw()
                        .body())
                .isEqualTo(evaluationBefore);
        List<JsonNode> erasures = new ArrayList<>();
        auditOf(w.buyer()).forEach(a -> {
            if (a.get("action").asString().equals("erasure")) {
                erasures.add(a);
            }
        });
        assertThat(erasures).as("one erasure entry: the repeat erased nothing").hasSize(1);
        assertThat(erasures.get(0).get("actorId").asString()).isEqualTo(w.buyer());
        assertThat(erasures.get(0).get("fields").toString()).contains("legalName", "email", "phone");
    }

    @Test
    void badInputsAreClearRefusalsThatChangeNothing() {
        World w = world();
        String agent = signIn(w.agent());
        String order = order(w, "bad", address());
        for (String query : List.of("", "?purpose=", "?purpose=marketing")) {
            Response r = api.get(contactPath(w.shop(), order) + query, agent);
            assertThat(r.status()).as("%s %s", query, r).isEqualTo(400);
            assertThat(r.json().get("type").asString()).isEqualTo("urn:parley:problem:invalid_request");
        }
        assertThat(api.get(contactPath(w.shop(), "no-such-order") + "?purpose=fulfilment", agent)
                        .status())
                .isEqualTo(404);

        Map<String, Object> badAddress = address();
        badAddress.put("country", "Singapore");
        badAddress.remove("line1");
        Map<String, Object> body = new HashMap<>();
        body.put("shopId", w.shop());
        body.put("buyerId", w.buyer());
        body.put("lines", List.of(Map.of("productId", w.product(), "quantity", 2)));
        body.put("shippingAddress", badAddress);
        Response refused = api.put("/api/v1/operator/orders/" + order, operator(), body);
        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.raw().body()).contains("country", "line1");
        assertThat(api.get(contactPath(w.shop(), order) + "?purpose=fulfilment", agent)
                        .json()
                        .get("line1")
                        .asString())
                .isEqualTo(STREET);
        assertThat(api.get("/api/v1/orders/" + order, agent)
                        .json()
                        .get("lines")
                        .get(0)
                        .get("quantity")
                        .asInt())
                .isEqualTo(1);

        for (String query :
                List.of("from=yesterday", "to=2026-13-01", "limit=0", "limit=201", "limit=x", "cursor=%27")) {
            Response r = api.get("/api/v1/review/audit-log?" + query, reviewer());
            assertThat(r.status()).as("%s %s", query, r).isEqualTo(400);
        }
        assertThat(api.post("/api/v1/operator/users/" + w.agent() + "/erasure", operator(), Map.of())
                        .status())
                .as("only buyers are erased")
                .isEqualTo(409);
        assertThat(api.post("/api/v1/operator/users/nobody-here/erasure", operator(), Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/operator/users/" + w.buyer() + "/erasure", reviewer(), Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(signIn(w.buyer())).as("the buyer can still sign in").isNotBlank();
        assertThat(auditOf(w.buyer()).size()).as("one read, nothing else").isEqualTo(1);
    }

    private List<JsonNode> mailsTo(String reviewer, String address, String userId) {
        Response r = api.get("/api/v1/review/outbox?limit=200&to=" + address, reviewer);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        List<JsonNode> mails = new ArrayList<>();
        r.json().get("items").forEach(m -> {
            if (userId.equals(m.path("toUserId").asString(""))) {
                mails.add(m);
            }
        });
        return mails;
    }

    private static List<String> texts(JsonNode messages) {
        List<String> texts = new ArrayList<>();
        messages.forEach(m -> texts.add(m.get("text").asString()));
        return texts;
    }
}

package dev.parley.server.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.policy.PolicyConfig;
import dev.parley.server.support.ApiClient.Response;
import dev.parley.server.support.ServerTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The operator's policy management through HTTP: reading, validating, reloading (from {@code parley.policy.file} or a
 * body), history, dry runs, authorization, and the verdicts of real sends before and after a reload. Every test leaves
 * the built-in policy active again.
 */
abstract class PolicyAdminContract extends ServerTestSupport {
    static final String DEFAULT = builtIn();

    private String operator;
    private Path file;

    @DynamicPropertySource
    static void policyFile(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "policy-it"));
        Path file = Files.createTempFile(dir, "policy-", ".yaml");
        Files.writeString(file, DEFAULT);
        registry.add("parley.policy.file", file::toString);
    }

    @BeforeEach
    void operator() {
        operator = api.token("operator1", "demo");
        file = Path.of(api.get("/api/v1/policy", operator)
                .json()
                .get("file")
                .get("path")
                .asString());
    }

    @AfterEach
    void restoreTheBuiltInPolicy() throws IOException {
        Files.writeString(file, DEFAULT);
        Response r = api.post("/api/v1/policy/reload", operator, "");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(api.get("/api/v1/policy", operator).json().get("version").asString())
                .isEqualTo(PolicyConfig.DEFAULT_VERSION);
    }

    static String builtIn() {
        try (InputStream in = PolicyConfig.class.getResourceAsStream("default-policy.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A policy: the built-in actions with {@code overrides}, the given version and allowed domains. */
    static String policy(String version, Map<String, String> overrides, List<String> domains) {
        StringBuilder yaml = new StringBuilder("version: \"" + version + "\"\nactions:\n");
        overrides.forEach((rule, action) ->
                yaml.append("  ").append(rule).append(": ").append(action).append('\n'));
        yaml.append("allowed_domains:\n");
        for (String d : domains) {
            yaml.append("  - ").append(d).append('\n');
        }
        return yaml.toString();
    }

    private Response yaml(String path, String token, String text) {
        return api.raw(api.request(path, token)
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    private String sendAction(Response r) {
        JsonNode body = r.json();
        return body.has("verdict") ? body.get("verdict").get("action").asString() : "?";
    }

    private static List<String> errors(Response r) {
        List<String> out = new ArrayList<>();
        r.json().get("errors").forEach(e -> out.add(e.asString()));
        return out;
    }

    @Test
    void operatorsReadValidateAndReloadThePolicyFileWithoutARestart() throws IOException {
        JsonNode active = api.get("/api/v1/policy", operator).json();
        long seq = active.get("seq").asLong();
        assertThat(active.get("version").asString()).isEqualTo(PolicyConfig.DEFAULT_VERSION);
        assertThat(active.get("actions").get("off_platform_contact").asString()).isEqualTo("BLOCK");
        assertThat(active.get("actions").get("language_mismatch").asString()).isEqualTo("WARN");
        assertThat(active.get("rules").get(0).get("clause").asString()).isEqualTo("3.4");
        assertThat(active.get("text").asString()).isEqualTo(DEFAULT);
        assertThat(active.get("file").get("matchesActive").asBoolean()).isTrue();
        assertThat(active.get("thisNode").get("seq").asLong()).isEqualTo(seq);

        String candidate =
                policy("it-strict-1", Map.of("language_mismatch", "BLOCK"), List.of("tiktok.com", "help.example.org"));
        Response valid = api.post("/api/v1/policy/validate", operator, Map.of("text", candidate));
        assertThat(valid.status()).as("%s", valid).isEqualTo(200);
        assertThat(valid.json().get("valid").asBoolean()).isTrue();
        assertThat(valid.json().get("version").asString()).isEqualTo("it-strict-1");
        assertThat(valid.json().get("actions").get("language_mismatch").asString())
                .isEqualTo("BLOCK");
        assertThat(valid.json().get("changes").get("actions").get(0).toString())
                .contains("language_mismatch", "WARN", "BLOCK");
        assertThat(valid.json().get("changes").get("allowedDomainsAdded").get(0).asString())
                .isEqualTo("help.example.org");
        assertThat(yaml("/api/v1/policy/validate", operator, candidate).status())
                .as("the raw YAML body")
                .isEqualTo(200);
        assertThat(api.get("/api/v1/policy", operator).json().get("seq").asLong())
                .as("validating activates nothing")
                .isEqualTo(seq);

        Files.writeString(file, candidate);
        assertThat(api.get("/api/v1/policy", operator)
                        .json()
                        .get("file")
                        .get("matchesActive")
                        .asBoolean())
                .isFalse();
        Response reload = api.post("/api/v1/policy/reload", operator, "");
        assertThat(reload.status()).as("%s", reload).isEqualTo(200);
        assertThat(reload.json().get("changed").asBoolean()).isTrue();
        assertThat(reload.json().get("policy").get("seq").asLong()).isEqualTo(seq + 1);
        assertThat(reload.json().get("policy").get("source").asString()).startsWith("file:");
        assertThat(reload.json().get("policy").get("activatedBy").asString()).isEqualTo("operator1");
        assertThat(reload.json().get("previous").get("version").asString()).isEqualTo(PolicyConfig.DEFAULT_VERSION);

        JsonNode now = api.get("/api/v1/policy", operator).json();
        assertThat(now.get("version").asString()).isEqualTo("it-strict-1");
        assertThat(now.get("thisNode").get("version").asString()).isEqualTo("it-strict-1");
        assertThat(now.get("actions").get("language_mismatch").asString()).isEqualTo("BLOCK");

        Response again = api.post("/api/v1/policy/reload", operator, "");
        assertThat(again.json().get("changed").asBoolean())
                .as("the same file again")
                .isFalse();

        JsonNode history = api.get("/api/v1/policy/history", operator).json();
        assertThat(history.get("items").get(0).get("version").asString()).isEqualTo("it-strict-1");
        assertThat(history.get("items").get(0).get("active").asBoolean()).isTrue();
        assertThat(history.get("items").get(1).get("seq").asLong()).isEqualTo(seq);
        assertThat(history.get("items").get(1).get("active").asBoolean()).isFalse();
        JsonNode page = api.get("/api/v1/policy/history?limit=1", operator).json();
        assertThat(page.get("items")).hasSize(1);
        JsonNode next = api.get(
                        "/api/v1/policy/history?limit=1&cursor="
                                + page.get("next").asString(),
                        operator)
                .json();
        assertThat(next.get("items").get(0).get("seq").asLong()).isEqualTo(seq);
        JsonNode entry = api.get("/api/v1/policy/history/" + seq, operator).json();
        assertThat(entry.get("text").asString()).isEqualTo(DEFAULT);
        assertThat(api.get("/api/v1/policy/history/999999", operator).status()).isEqualTo(404);

        Response rollback = api.post("/api/v1/policy/history/" + seq + "/activate", operator, "");
        assertThat(rollback.status()).as("%s", rollback).isEqualTo(200);
        assertThat(rollback.json().get("changed").asBoolean()).isTrue();
        assertThat(rollback.json().get("policy").get("seq").asLong()).isEqualTo(seq + 2);
        assertThat(rollback.json().get("policy").get("version").asString()).isEqualTo(PolicyConfig.DEFAULT_VERSION);
        assertThat(rollback.json().get("policy").get("source").asString()).isEqualTo("activation " + seq);
        assertThat(api.post("/api/v1/policy/history/999999/activate", operator, "")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anInvalidPolicyIsRefusedWithEveryProblemAndTheActiveOneStays() throws IOException {
        long seq = api.get("/api/v1/policy", operator).json().get("seq").asLong();
        String broken = """
                version: "it-broken"
                actions:
                  off_platform_contact: MAYBE
                  no_such_rule: BLOCK
                allowed_domains: ["https://not a domain/"]
                colour: blue
                """;
        Response invalid = api.post("/api/v1/policy/validate", operator, Map.of("text", broken));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("type").asString()).isEqualTo("urn:parley:problem:invalid_request");
        assertThat(errors(invalid))
                .hasSize(4)
                .anySatisfy(e -> assertThat(e).contains("MAYBE"))
                .anySatisfy(e -> assertThat(e).contains("no_such_rule"))
                .anySatisfy(e -> assertThat(e).contains("not a domain"))
                .anySatisfy(e -> assertThat(e).contains("colour"));
        assertThat(api.post("/api/v1/policy/validate", operator, Map.of("text", "version: ["))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/policy/validate", operator, Map.of()).status())
                .isEqualTo(400);

        Files.writeString(file, broken);
        Response reload = api.post("/api/v1/policy/reload", operator, "");
        assertThat(reload.status()).isEqualTo(400);
        assertThat(reload.json().get("detail").asString()).contains("stays active", PolicyConfig.DEFAULT_VERSION);
        assertThat(errors(reload)).hasSize(4);
        assertThat(api.post("/api/v1/policy/reload", operator, Map.of("text", broken))
                        .status())
                .isEqualTo(400);
        JsonNode active = api.get("/api/v1/policy", operator).json();
        assertThat(active.get("seq").asLong()).isEqualTo(seq);
        assertThat(active.get("version").asString()).isEqualTo(PolicyConfig.DEFAULT_VERSION);

        String sameVersionOtherRules =
                policy(PolicyConfig.DEFAULT_VERSION, Map.of("language_mismatch", "HOLD"), List.of("tiktok.com"));
        Response reused = api.post("/api/v1/policy/reload", operator, Map.of("text", sameVersionOtherRules));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(errors(reused).getFirst()).contains("new version");
        assertThat(api.post("/api/v1/policy/validate", operator, Map.of("text", sameVersionOtherRules))
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/policy", operator).json().get("seq").asLong())
                .isEqualTo(seq);
    }

    @Test
    void onlyOperatorsManageThePolicy() {
        World w = world();
        String candidate = Map.of("text", DEFAULT).toString();
        for (String token :
                List.of(signIn(w.agent()), signIn(w.owner()), signIn(w.buyer()), api.token("reviewer1", "demo"))) {
            assertThat(api.get("/api/v1/policy", token).status()).isEqualTo(403);
            assertThat(api.get("/api/v1/policy/history", token).status()).isEqualTo(403);
            assertThat(api.post("/api/v1/policy/validate", token, Map.of("text", DEFAULT))
                            .status())
                    .isEqualTo(403);
            assertThat(api.post("/api/v1/policy/reload", token, "").status()).isEqualTo(403);
            Response dry = api.post("/api/v1/policy/dry-run", token, Map.of("text", DEFAULT, "days", 1));
            assertThat(dry.status()).isEqualTo(403);
            assertThat(dry.json().get("type").asString()).isEqualTo("urn:parley:problem:forbidden");
        }
        assertThat(api.get("/api/v1/policy", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/policy/reload", null, "").status()).isEqualTo(401);
        assertThat(api.post("/api/v1/policy/dry-run", "not-a-token", candidate).status())
                .isEqualTo(401);
    }

    @Test
    void theSendPathJudgesWithTheRealRules() {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String id = open(buyer, w, "Hi, is the hoodie true to size?");

        Response phone = say(agent, id, "Call me on 8123 4567 and I will sort it out");
        assertThat(phone.status()).isEqualTo(422);
        JsonNode p = phone.json();
        assertThat(p.get("type").asString()).isEqualTo("urn:parley:problem:message_blocked");
        assertThat(p.get("rule").asString()).isEqualTo("off_platform_contact");
        assertThat(p.get("kind").asString()).isEqualTo("phone");
        assertThat(p.get("clause").asString()).isEqualTo("3.4");
        assertThat(p.get("verdict").get("action").asString()).isEqualTo("BLOCK");
        assertThat(p.get("verdict").get("policyVersion").asString()).isEqualTo(PolicyConfig.DEFAULT_VERSION);
        assertThat(p.get("verdict").get("violations").get(0).get("evidence").asString())
                .contains("8123 4567");
        assertThat(p.get("messageId").asString()).isNotBlank();

        Response im = say(agent, id, "Let's chat on Telegram, my handle is @hoodieking");
        assertThat(im.status()).isEqualTo(422);
        assertThat(im.json().get("kind").asString()).isEqualTo("im_account");

        Response defamation = say(agent, id, "Don't buy from StyleHub, their hoodies are fake and they scam buyers");
        assertThat(defamation.status()).isEqualTo(202);
        assertThat(defamation.json().get("status").asString()).isEqualTo("HELD");
        assertThat(defamation.json().get("verdict").get("action").asString()).isEqualTo("HOLD");
        assertThat(defamation
                        .json()
                        .get("verdict")
                        .get("violations")
                        .get(0)
                        .get("kind")
                        .asString())
                .isEqualTo("defamation");

        Response spanish = say(agent, id, "Hola, su pedido llegará mañana por la tarde, gracias por su paciencia");
        assertThat(spanish.status()).isEqualTo(201);
        assertThat(spanish.json().get("status").asString()).isEqualTo("DELIVERED");
        assertThat(spanish.json().get("verdict").get("action").asString()).isEqualTo("WARN");
        assertThat(spanish.json()
                        .get("verdict")
                        .get("violations")
                        .get(0)
                        .get("rule")
                        .asString())
                .isEqualTo("language_mismatch");
        assertThat(spanish.json()
                        .get("verdict")
                        .get("violations")
                        .get(0)
                        .get("clause")
                        .asString())
                .isEqualTo("3.1");

        Response clean = say(agent, id, "Yes, it is true to size; M fits most people of 1.75 m.");
        assertThat(clean.status()).isEqualTo(201);
        assertThat(clean.json().get("verdict").get("action").asString()).isEqualTo("ALLOW");
    }

    @Test
    void aReloadChangesTheVerdictsOfLaterSends() {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String id = open(buyer, w, "Where can I find the size guide?");
        String link = "Please read our size guide at https://shop.example.com/size-guide before ordering";
        String spanish = "Hola, su pedido llegará mañana por la tarde, gracias por su paciencia";
        assertThat(say(agent, id, link).status()).isEqualTo(422);
        assertThat(say(agent, id, spanish).status()).isEqualTo(201);

        String strict =
                policy("it-reload-1", Map.of("language_mismatch", "BLOCK"), List.of("tiktok.com", "shop.example.com"));
        Response reload = api.post("/api/v1/policy/reload", operator, Map.of("text", strict));
        assertThat(reload.status()).as("%s", reload).isEqualTo(200);
        assertThat(reload.json().get("policy").get("source").asString()).isEqualTo("api");

        Response allowed = say(agent, id, link);
        assertThat(allowed.status()).as("%s", allowed).isEqualTo(201);
        assertThat(allowed.json().get("verdict").get("action").asString()).isEqualTo("ALLOW");
        assertThat(allowed.json().get("verdict").get("policyVersion").asString())
                .isEqualTo("it-reload-1");
        Response blocked = say(agent, id, spanish);
        assertThat(blocked.status()).isEqualTo(422);
        assertThat(blocked.json().get("rule").asString()).isEqualTo("language_mismatch");
        assertThat(blocked.json().get("clause").asString()).isEqualTo("3.1");
        assertThat(blocked.json().get("verdict").get("policyVersion").asString())
                .isEqualTo("it-reload-1");

        Response draft = api.post("/api/v1/policy/check", agent, Map.of("text", spanish, "conversationId", id));
        assertThat(draft.json().get("verdict").get("action").asString()).isEqualTo("BLOCK");

        JsonNode messages = api.get("/api/v1/conversations/" + id + "/messages", agent)
                .json()
                .get("items");
        assertThat(messages.get(1).get("verdict").get("policyVersion").asString())
                .as("verdicts stored earlier keep the version that gave them")
                .isEqualTo(PolicyConfig.DEFAULT_VERSION);
    }

    @Test
    void aDryRunReportsNewlyBlockedAndNoLongerBlockedMessages() {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String id = open(buyer, w, "Where can I find the size guide?");
        clock.advance(Duration.ofMinutes(1));
        Response link = say(agent, id, "Please read our size guide at https://shop.example.com/size-guide first");
        clock.advance(Duration.ofSeconds(1));
        Response spanish = say(agent, id, "Hola, su pedido llegará mañana por la tarde, gracias por su paciencia");
        clock.advance(Duration.ofSeconds(1));
        Response clean = say(agent, id, "The guide is under the photos of the hoodie, on the product page.");
        assertThat(List.of(link.status(), spanish.status(), clean.status())).containsExactly(422, 201, 201);
        String linkId = link.json().get("messageId").asString();
        String spanishId = spanish.json().get("id").asString();

        String candidate =
                policy("it-dry-1", Map.of("language_mismatch", "BLOCK"), List.of("tiktok.com", "shop.example.com"));
        long seq = api.get("/api/v1/policy", operator).json().get("seq").asLong();
        Response dry =
                api.post("/api/v1/policy/dry-run", operator, Map.of("text", candidate, "days", 7, "shopId", w.shop()));
        assertThat(dry.status()).as("%s", dry).isEqualTo(200);
        JsonNode d = dry.json();
        assertThat(d.get("candidateVersion").asString()).isEqualTo("it-dry-1");
        assertThat(d.get("activeVersion").asString()).isEqualTo(PolicyConfig.DEFAULT_VERSION);
        assertThat(d.get("examined").asInt()).isEqualTo(3);
        assertThat(d.get("capped").asBoolean()).isFalse();
        assertThat(d.get("counts").get("newlyBlocked").asInt()).isEqualTo(1);
        assertThat(d.get("counts").get("noLongerBlocked").asInt()).isEqualTo(1);
        assertThat(d.get("counts").get("noLongerWarned").asInt()).isEqualTo(1);
        assertThat(d.get("counts").get("changed").asInt()).isEqualTo(2);
        assertThat(d.get("transitions").get("WARN->BLOCK").asInt()).isEqualTo(1);
        assertThat(d.get("transitions").get("BLOCK->ALLOW").asInt()).isEqualTo(1);
        JsonNode items = d.get("items");
        assertThat(items).hasSize(2);
        JsonNode first = items.get(0);
        assertThat(first.get("messageId").asString()).as("newest first").isEqualTo(spanishId);
        assertThat(first.get("oldAction").asString()).isEqualTo("WARN");
        assertThat(first.get("newAction").asString()).isEqualTo("BLOCK");
        assertThat(first.get("conversationId").asString()).isEqualTo(id);
        assertThat(first.get("shopId").asString()).isEqualTo(w.shop());
        assertThat(first.get("status").asString()).isEqualTo("DELIVERED");
        JsonNode second = items.get(1);
        assertThat(second.get("messageId").asString()).isEqualTo(linkId);
        assertThat(second.get("oldAction").asString()).isEqualTo("BLOCK");
        assertThat(second.get("newAction").asString()).isEqualTo("ALLOW");
        assertThat(second.get("rulesRemoved").get(0).asString()).isEqualTo("off_platform_contact/url");
        assertThat(second.get("rulesAdded")).isEmpty();
        assertThat(api.get("/api/v1/policy", operator).json().get("seq").asLong())
                .as("a dry run activates nothing")
                .isEqualTo(seq);

        JsonNode capped = api.post(
                        "/api/v1/policy/dry-run?days=7&limit=1&shopId=" + w.shop(), operator, Map.of("text", candidate))
                .json();
        assertThat(capped.get("examined").asInt()).isEqualTo(1);
        assertThat(capped.get("capped").asBoolean()).isTrue();
        assertThat(capped.get("cappedBy").asString()).isEqualTo("messages");

        clock.advance(Duration.ofDays(2));
        JsonNode lastDay = api.post(
                        "/api/v1/policy/dry-run", operator, Map.of("text", candidate, "days", 1, "shopId", w.shop()))
                .json();
        assertThat(lastDay.get("examined").asInt()).as("older than the period").isZero();

        for (Object days : List.of(0, 91, "many")) {
            Response bad = api.post("/api/v1/policy/dry-run", operator, Map.of("text", candidate, "days", days));
            assertThat(bad.status()).as("days=%s", days).isEqualTo(400);
        }
        JsonNode raw = yaml("/api/v1/policy/dry-run?days=3&shopId=" + w.shop(), operator, candidate)
                .json();
        assertThat(raw.get("examined").asInt())
                .as("a raw YAML body, the fields as parameters")
                .isEqualTo(3);
        assertThat(raw.get("counts").get("changed").asInt()).isEqualTo(2);
    }

    @Test
    void advertisingSentToManyBuyersIsHeldFromTheThirdBuyerButATemplateIsNot() {
        World w = world();
        String agent = signIn(w.agent());
        List<String> conversations = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String buyerId = w.buyer() + "-ad" + i;
            Response user = api.put(
                    "/api/v1/operator/users/" + buyerId,
                    operator,
                    Map.of("displayName", "ad buyer " + i, "password", "secret-pw"));
            assertThat(user.status()).isIn(200, 201);
            conversations.add(open(signIn(buyerId), w, "Hi, any discount on the hoodie?"));
        }
        String ad = "Yes! Big weekend sale on every hoodie, follow our shop so you never miss new arrivals!";
        String thanks = "Thank you for your message! Your parcel ships tomorrow and arrives within 3 days.";
        List<String> adActions = new ArrayList<>();
        List<Integer> thanksStatuses = new ArrayList<>();
        for (String id : conversations.subList(0, 3)) {
            Response r = say(agent, id, thanks);
            thanksStatuses.add(r.status());
            assertThat(sendAction(r)).isEqualTo("ALLOW");
        }
        Response third = null;
        for (String id : conversations.subList(0, 3)) {
            clock.advance(Duration.ofSeconds(5));
            third = say(agent, id, ad);
            adActions.add(sendAction(third));
        }
        assertThat(thanksStatuses).containsExactly(201, 201, 201);
        assertThat(adActions).containsExactly("ALLOW", "ALLOW", "HOLD");
        assertThat(third.status()).isEqualTo(202);
        JsonNode spam = third.json().get("verdict").get("violations").get(0);
        assertThat(spam.get("rule").asString()).isEqualTo("prohibited_use");
        assertThat(spam.get("kind").asString()).isEqualTo("spam");
        assertThat(spam.get("clause").asString()).isEqualTo("3.5");

        Response sameBuyerAgain = say(agent, conversations.get(0), ad);
        assertThat(sendAction(sameBuyerAgain))
                .as("two other buyers got it (one delivered, one held): still many buyers")
                .isEqualTo("HOLD");

        clock.advance(Duration.ofHours(25));
        String late = conversations.get(3);
        assertThat(say(signIn(w.buyer() + "-ad3"), late, "Hi again, any discount today?")
                        .status())
                .isEqualTo(201);
        assertThat(sendAction(say(agent, late, ad)))
                .as("the copies are older than the 24 h window")
                .isEqualTo("ALLOW");
    }

    @Test
    void metricsCountChecksPerActionAndRuleAndShowTheActivePolicy() {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String id = open(buyer, w, "Hello?");
        assertThat(say(agent, id, "Call me on 8123 4567 and I will sort it out").status())
                .isEqualTo(422);
        String metrics = api.get("/actuator/prometheus", null).raw().body();
        assertThat(metrics)
                .contains("parley_policy_checks_total{action=\"BLOCK\",mode=\"send\"}")
                .contains("parley_policy_violations_total{action=\"BLOCK\",kind=\"phone\",mode=\"send\","
                        + "rule=\"off_platform_contact\"}")
                .contains("parley_policy_check_latency_seconds_count{mode=\"send\"}")
                .contains("parley_policy_info{version=\"" + PolicyConfig.DEFAULT_VERSION + "\"} 1")
                .contains("parley_policy_active_seq ");
    }
}

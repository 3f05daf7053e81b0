package dev.parley.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.support.ApiClient;
import dev.parley.server.support.ApiClient.Response;
import dev.parley.server.support.PageClient;
import dev.parley.server.support.ServerTestSupport;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the pages add to the server, over HTTP: page sessions beside the bearer-only API, CSRF, the socket token, the
 * team and quick-reply endpoints with api.md's roles, and inbox search; written once, run on H2 and PostgreSQL.
 */
abstract class WebContract extends ServerTestSupport {

    // ---------------------------------------------------------------- sessions, CSRF, the API chain unchanged

    @Test
    void pagesNeedASessionWhileTheApiStaysBearerOnly() {
        PageClient page = new PageClient(port);
        HttpResponse<String> redirected = page.get("/inbox");
        assertThat(redirected.statusCode()).isEqualTo(302);
        assertThat(redirected.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");
        HttpResponse<String> fragment = page.get("/inbox/list", "HX-Request", "true");
        assertThat(fragment.statusCode()).isEqualTo(401);
        assertThat(fragment.headers().firstValue("HX-Redirect")).hasValue("/sign-in");

        World w = world();
        HttpResponse<String> signedIn = page.signIn(w.agent(), "secret-pw");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String session = page.cookie("parley_session");
        assertThat(session).startsWith("pst_");
        String setCookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("parley_session="))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax");
        HttpResponse<String> inbox = page.get("/inbox");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");

        Response withCookieOnly = api.raw(api.request("/api/v1/me", null)
                .header("Cookie", "parley_session=" + session)
                .GET());
        assertThat(withCookieOnly.status()).isEqualTo(401);
        assertThat(withCookieOnly.contentType()).startsWith("application/problem+json");
        assertThat(withCookieOnly.header("Set-Cookie")).isNull();
        Response asBearer = api.get("/api/v1/me", session);
        assertThat(asBearer.status()).as("the page session is a session token").isEqualTo(200);
    }

    @Test
    void formsAndHtmxRequestsNeedTheCsrfToken() {
        World w = world();
        PageClient page = new PageClient(port);
        page.get("/sign-in");
        HttpResponse<String> noToken =
                page.post("/sign-in", Map.of("username", w.agent(), "password", "secret-pw"), false);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(page.cookie("parley_session")).isNull();

        page.signIn(w.agent(), "secret-pw");
        String conversation = open(signIn(w.buyer()), w, "Hello?");
        page.get("/conversations/" + conversation);
        HttpResponse<String> forged = page.post(
                "/conversations/" + conversation + "/messages",
                Map.of("text", "sent by another site"),
                false,
                "HX-Request",
                "true");
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> sent = page.post(
                "/conversations/" + conversation + "/messages",
                Map.of("text", "Hello from the page"),
                true,
                "HX-Request",
                "true");
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.headers().firstValue("HX-Trigger")).hasValue("parley:messages");
        JsonNode messages = api.get("/api/v1/conversations/" + conversation + "/messages", signIn(w.buyer()))
                .json()
                .get("items");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1).get("text").asString()).isEqualTo("Hello from the page");
    }

    @Test
    void escalatingFromTheConversationPageNeedsTheCsrfTokenAndTheDisputePagesAreForStaff() {
        World w = world();
        String conversation = open(signIn(w.buyer()), w, "Where is my parcel?");
        PageClient buyer = new PageClient(port);
        buyer.signIn(w.buyer(), "secret-pw");
        assertThat(buyer.get("/conversations/" + conversation).body()).contains("Escalate to the platform");
        HttpResponse<String> forged = buyer.post(
                "/conversations/" + conversation + "/disputes", Map.of("reason", "sent by another site"), false);
        assertThat(forged.statusCode()).isEqualTo(403);
        String disputes = "/api/v1/conversations/" + conversation + "/disputes";
        assertThat(api.get(disputes, signIn(w.buyer())).json().get("items")).isEmpty();
        HttpResponse<String> escalated =
                buyer.post("/conversations/" + conversation + "/disputes", Map.of("reason", "It never arrived."), true);
        assertThat(escalated.statusCode()).isEqualTo(302);
        JsonNode items = api.get(disputes, signIn(w.buyer())).json().get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("reason").asString()).isEqualTo("It never arrived.");
        assertThat(buyer.get("/conversations/" + conversation).body())
                .contains("waiting for an arbitrator")
                .doesNotContain("Escalate to the platform");

        assertThat(buyer.get("/staff/disputes").statusCode()).isEqualTo(403);
        assertThat(buyer.get("/staff/outbox").statusCode()).isEqualTo(403);
        PageClient reviewer = new PageClient(port);
        reviewer.signIn("reviewer1", "demo");
        assertThat(reviewer.get("/staff/disputes").statusCode()).isEqualTo(403);
        assertThat(reviewer.get("/staff/outbox").statusCode()).isEqualTo(200);
        PageClient arbitrator = new PageClient(port);
        arbitrator.signIn("arbitrator1", "demo");
        HttpResponse<String> list = arbitrator.get("/staff/disputes?shopId=" + w.shop());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("It never arrived.");
    }

    @Test
    void aWrongPasswordStaysOnTheSignInPageAndSignOutEndsTheSession() {
        World w = world();
        PageClient page = new PageClient(port);
        HttpResponse<String> wrong = page.signIn(w.agent(), "not-the-password");
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in?error");
        assertThat(page.cookie("parley_session")).isNull();

        page.signIn(w.agent(), "secret-pw");
        String session = page.cookie("parley_session");
        page.get("/inbox");
        HttpResponse<String> out = page.post("/sign-out", Map.of(), true);
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(api.get("/api/v1/me", session).status())
                .as("the session token is revoked")
                .isEqualTo(401);
        assertThat(page.get("/inbox").statusCode()).isEqualTo(302);
    }

    @Test
    void theSocketTokenOpensTheWebSocketAndNothingElse() throws Exception {
        World w = world();
        PageClient page = new PageClient(port);
        page.signIn(w.buyer(), "secret-pw");
        page.get("/conversations");
        assertThat(page.post("/session/socket-token", Map.of(), false).statusCode())
                .as("without the CSRF token")
                .isEqualTo(403);
        HttpResponse<String> issued = page.post("/session/socket-token", Map.of(), true);
        assertThat(issued.statusCode()).isEqualTo(200);
        String socketToken = ApiClient.parse(issued.body()).get("token").asString();
        assertThat(socketToken).startsWith("pws_");

        Response api401 = api.get("/api/v1/conversations", socketToken);
        assertThat(api401.status()).isEqualTo(401);
        assertThat(api401.json().get("detail").asString()).contains("WebSocket");

        String buyer = signIn(w.buyer());
        String conversation = open(buyer, w, "Is it waterproof?");
        try (ApiClient.Socket socket = api.socket(socketToken)) {
            Thread.sleep(300);
            Response reply = say(signIn(w.agent()), conversation, "It is water resistant.");
            assertThat(reply.status()).isEqualTo(201);
            JsonNode event = socket.next("message.created");
            assertThat(event).isNotNull();
            assertThat(event.get("data").get("text").asString()).isEqualTo("It is water resistant.");
        }
    }

    // ---------------------------------------------------------------- the team (api.md's roles table)

    @Test
    void adminsManageAgentsAndOwnersManageAdmins() {
        World w = world();
        String owner = signIn(w.owner());
        String admin = signIn(w.admin());
        String agent = signIn(w.agent());
        String members = "/api/v1/shops/" + w.shop() + "/members";

        Response invited = api.post(members, admin, Map.of("username", "new-" + w.shop(), "role", "agent"));
        assertThat(invited.status()).as("%s", invited).isEqualTo(201);
        String temporary = invited.json().get("temporaryPassword").asString();
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(12);
        String newcomer = api.token("new-" + w.shop(), temporary);
        JsonNode me = api.get("/api/v1/me", newcomer).json();
        assertThat(me.get("shops").get(0).get("shopId").asString()).isEqualTo(w.shop());
        assertThat(me.get("shops").get(0).get("role").asString()).isEqualTo("agent");

        assertThat(api.post(members, admin, Map.of("username", "boss-" + w.shop(), "role", "admin"))
                        .status())
                .isEqualTo(403);
        assertThat(api.post(members, agent, Map.of("username", "x-" + w.shop(), "role", "agent"))
                        .status())
                .isEqualTo(403);
        assertThat(api.post(members, owner, Map.of("username", w.buyer(), "role", "agent"))
                        .status())
                .as("a buyer cannot join a team")
                .isEqualTo(409);
        assertThat(api.post(members, owner, Map.of("username", "new-" + w.shop(), "role", "agent"))
                        .status())
                .as("already on the team")
                .isEqualTo(409);

        assertThat(api.patch(members + "/" + w.agent(), admin, Map.of("role", "admin"))
                        .status())
                .isEqualTo(403);
        Response promoted = api.patch(members + "/" + w.agent(), owner, Map.of("role", "admin"));
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.json().get("role").asString()).isEqualTo("admin");
        assertThat(api.delete(members + "/" + w.agent(), admin).status())
                .as("an admin does not remove an admin")
                .isEqualTo(403);
        assertThat(api.patch(members + "/" + w.owner(), owner, Map.of("role", "admin"))
                        .status())
                .as("nobody changes their own role")
                .isEqualTo(403);
        assertThat(api.delete(members + "/" + "new-" + w.shop(), admin).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me", newcomer).json().get("shops")).isEmpty();

        World other = world();
        assertThat(api.post(
                                "/api/v1/shops/" + other.shop() + "/members",
                                owner,
                                Map.of("username", "y-" + w.shop(), "role", "agent"))
                        .status())
                .isEqualTo(404);
        List<String> roles = api.get(members, agent)
                .json()
                .valueStream()
                .map(m -> m.get("role").asString())
                .toList();
        assertThat(roles).first().isEqualTo("owner");
    }

    // ---------------------------------------------------------------- quick replies

    @Test
    void quickRepliesAreCheckedWhenSavedAndReadByTheWholeTeam() {
        World w = world();
        String admin = signIn(w.admin());
        String agent = signIn(w.agent());
        String path = "/api/v1/shops/" + w.shop() + "/quick-replies";

        Response blocked =
                api.post(path, admin, Map.of("shortcut", "mail", "text", "Write to deals@example.com for a discount"));
        assertThat(blocked.status()).isEqualTo(422);
        assertThat(blocked.json().get("type").asString()).isEqualTo("urn:parley:problem:quick_reply_blocked");
        assertThat(blocked.json().get("rule").asString()).isEqualTo("off_platform_contact");
        assertThat(blocked.json().get("clause").asString()).isEqualTo("3.4");
        assertThat(blocked.json().get("verdict").get("action").asString()).isEqualTo("BLOCK");

        Response saved = api.post(path, admin, Map.of("shortcut", "thanks", "text", "Thank you for your order!"));
        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.json().get("action").asString()).isEqualTo("ALLOW");
        assertThat(api.post(path, admin, Map.of("shortcut", "thanks", "text", "again"))
                        .status())
                .isEqualTo(409);
        assertThat(api.post(path, agent, Map.of("shortcut", "hi", "text", "Hi")).status())
                .isEqualTo(403);
        assertThat(api.post(path, admin, Map.of("shortcut", "no spaces", "text", "Hi"))
                        .status())
                .isEqualTo(400);

        JsonNode list = api.get(path, agent).json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("shortcut").asString()).isEqualTo("thanks");
        World other = world();
        assertThat(api.get("/api/v1/shops/" + other.shop() + "/quick-replies", agent)
                        .status())
                .isEqualTo(404);
        assertThat(api.delete(path + "/" + saved.json().get("id").asString(), agent)
                        .status())
                .isEqualTo(403);
        assertThat(api.delete(path + "/" + saved.json().get("id").asString(), admin)
                        .status())
                .isEqualTo(204);
        assertThat(api.get(path, agent).json()).isEmpty();
    }

    // ---------------------------------------------------------------- inbox search and filters

    @Test
    void theInboxSearchesBuyersTextsAndIdsAndFiltersTheUntaken() {
        World w = world();
        String agent = signIn(w.agent());
        String first = open(signIn(w.buyer()), w, "Where is my parcel?");
        String second = open(signIn(w.otherBuyer()), w, "Do you sell gift cards?");

        assertThat(ids(api.get("/api/v1/conversations?q=parcel", agent))).containsExactly(first);
        assertThat(ids(api.get("/api/v1/conversations?q=GIFT", agent))).containsExactly(second);
        assertThat(ids(api.get("/api/v1/conversations?q=other-", agent))).containsExactly(second);
        assertThat(ids(api.get("/api/v1/conversations?q=" + first, agent))).containsExactly(first);
        assertThat(ids(api.get("/api/v1/conversations?q=100%25", agent))).isEmpty();

        api.patch("/api/v1/conversations/" + first, agent, Map.of("assigneeId", w.agent()));
        assertThat(ids(api.get("/api/v1/conversations?assigneeId=none", agent))).containsExactly(second);
        assertThat(ids(api.get("/api/v1/conversations?assigneeId=me", agent))).containsExactly(first);
    }

    private static List<String> ids(Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json()
                .get("items")
                .valueStream()
                .map(c -> c.get("id").asString())
                .toList();
    }
}

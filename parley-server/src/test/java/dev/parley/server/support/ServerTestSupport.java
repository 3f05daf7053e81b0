package dev.parley.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The base of HTTP-level tests: the whole server on a random port, with a test clock, the demo data, and a fixture
 * that builds a fresh shop with its team, a buyer and a product through the operator API for each test. Subclass it
 * in an abstract class of tests, then run those on both databases with {@code @Nested @WithH2} and {@code @Nested
 * @WithPostgres} subclasses.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "parley.demo=true",
            "parley.data-dir=target/test-data",
            "parley.accounts.session-ttl=30d",
            "logging.level.dev.parley=INFO"
        })
@Import(ServerTestSupport.TestClock.class)
public abstract class ServerTestSupport {
    private static final AtomicInteger WORLDS = new AtomicInteger();

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    protected ApiClient api;

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        clock.set(Instant.now());
    }

    /** The clock bean the server uses. */
    protected Clock clock() {
        return clock;
    }

    /** A fresh shop with an owner, admin and agent, a buyer, and a product; every password is {@code secret-pw}. */
    protected World world() {
        int n = WORLDS.incrementAndGet();
        String suffix = n + "-" + Long.toString(System.nanoTime() % 100_000, 36);
        String operator = api.token("operator1", "demo");
        String shop = "shop-" + suffix;
        put(
                operator,
                "/api/v1/operator/shops/" + shop,
                Map.of("name", "Shop " + suffix, "zone", "Asia/Singapore", "region", "SG", "language", "en"));
        put(
                operator,
                "/api/v1/operator/users/buyer-" + suffix,
                Map.of(
                        "displayName",
                        "shopper-" + suffix,
                        "legalName",
                        "Private Person",
                        "email",
                        "private@example.com",
                        "phone",
                        "+65 8123 0000",
                        "password",
                        "secret-pw"));
        put(
                operator,
                "/api/v1/operator/users/other-buyer-" + suffix,
                Map.of("displayName", "other-" + suffix, "password", "secret-pw"));
        for (String role : List.of("owner", "admin", "agent")) {
            put(
                    operator,
                    "/api/v1/operator/users/" + role + "-" + suffix,
                    Map.of(
                            "displayName",
                            role + " " + suffix,
                            "password",
                            "secret-pw",
                            "shops",
                            List.of(Map.of("shopId", shop, "role", role))));
        }
        put(
                operator,
                "/api/v1/operator/users/agent2-" + suffix,
                Map.of(
                        "displayName",
                        "agent2 " + suffix,
                        "password",
                        "secret-pw",
                        "shops",
                        List.of(Map.of("shopId", shop, "role", "agent"))));
        put(
                operator,
                "/api/v1/operator/products/hoodie-" + suffix,
                Map.of(
                        "shopId",
                        shop,
                        "title",
                        "Hoodie",
                        "language",
                        "en",
                        "price",
                        29.90,
                        "currency",
                        "SGD",
                        "returnDays",
                        30,
                        "freeReturns",
                        true,
                        "warrantyMonths",
                        0));
        return new World(
                shop,
                "hoodie-" + suffix,
                "buyer-" + suffix,
                "other-buyer-" + suffix,
                "owner-" + suffix,
                "admin-" + suffix,
                "agent-" + suffix,
                "agent2-" + suffix);
    }

    private void put(String token, String path, Object body) {
        ApiClient.Response r = api.put(path, token, body);
        assertThat(r.status()).as("%s -> %s", path, r).isIn(200, 201);
    }

    /** Signs a user of a world in. */
    protected String signIn(String user) {
        return api.token(user, "secret-pw");
    }

    /** A shop made for one test. */
    public record World(
            String shop,
            String product,
            String buyer,
            String otherBuyer,
            String owner,
            String admin,
            String agent,
            String agent2) {}

    /** Opens a conversation as {@code buyerToken} and returns its id. */
    protected String open(String buyerToken, World w, String text) {
        ApiClient.Response r = api.post(
                "/api/v1/conversations",
                buyerToken,
                Map.of("shopId", w.shop(), "productId", w.product(), "text", text));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /** Sends {@code text} in a conversation. */
    protected ApiClient.Response say(String token, String conversationId, String text) {
        return api.post("/api/v1/conversations/" + conversationId + "/messages", token, Map.of("text", text));
    }
}

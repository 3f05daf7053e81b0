package dev.parley.server.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.core.policy.PolicyConfig;
import dev.parley.server.ParleyApplication;
import dev.parley.server.support.ApiClient;
import dev.parley.server.support.ApiClient.Response;
import dev.parley.server.support.ServerTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Several nodes on one database converge on the active policy: by polling the activation number, and at once over
 * Redis when it is configured; reloading while checks run never fails a check.
 */
abstract class PolicyConvergenceContract extends ServerTestSupport {
    private static final String DEFAULT = builtIn();

    @Autowired
    private Environment env;

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @AfterEach
    void stopNodesAndRestoreTheBuiltInPolicy() {
        nodes.forEach(ConfigurableApplicationContext::close);
        nodes.clear();
        Response r = api.post("/api/v1/policy/reload", api.token("operator1", "demo"), Map.of("text", DEFAULT));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
    }

    private static String builtIn() {
        try (InputStream in = PolicyConfig.class.getResourceAsStream("default-policy.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another server node on this test's database, with extra settings; returns a client of it. */
    private ApiClient node(String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + env.getProperty("spring.datasource.username", ""),
                "--spring.datasource.password=" + env.getProperty("spring.datasource.password", ""),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--server.port=0",
                "--parley.demo=false",
                "--parley.data-dir=target/test-data",
                "--logging.level.dev.parley=INFO"));
        String schemas = env.getProperty("spring.flyway.schemas");
        if (schemas != null) {
            args.add("--spring.flyway.schemas=" + schemas);
        }
        args.addAll(List.of(settings));
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(ParleyApplication.class).run(args.toArray(String[]::new));
        nodes.add(context);
        return new ApiClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    private static String policy(String version, String languageAction) {
        return "version: \"" + version + "\"\nactions:\n  language_mismatch: " + languageAction + "\n";
    }

    /** Waits up to {@code millis} for the node to judge with {@code version}; returns the time it took. */
    private static long awaitVersion(ApiClient node, String token, String version, long millis)
            throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            String here = node.get("/api/v1/policy", token)
                    .json()
                    .get("thisNode")
                    .get("version")
                    .asString();
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (here.equals(version)) {
                return elapsed;
            }
            assertThat(elapsed)
                    .as("the node still judges with %s instead of %s", here, version)
                    .isLessThan(millis);
            Thread.sleep(50);
        }
    }

    @Test
    void aNodeWithoutRedisPicksUpAnActivationByPolling() throws Exception {
        ApiClient other = node("--parley.policy.refresh=300ms");
        String operator = api.token("operator1", "demo");
        World w = world();
        String agent = other.token(w.agent(), "secret-pw");
        Response activated = api.post("/api/v1/policy/reload", operator, Map.of("text", policy("it-poll-1", "BLOCK")));
        assertThat(activated.status()).as("%s", activated).isEqualTo(200);

        long took = awaitVersion(other, operator, "it-poll-1", 5_000);
        System.out.printf("policy convergence by polling every 300 ms: %d ms%n", took);
        JsonCheck draft =
                check(other, agent, "Hola, su pedido llegará mañana por la tarde, gracias por su paciencia", w);
        assertThat(draft.version()).isEqualTo("it-poll-1");
        assertThat(draft.action()).isEqualTo("BLOCK");
        assertThat(other.get("/api/v1/policy", operator).json().get("seq").asLong())
                .isEqualTo(activated.json().get("policy").get("seq").asLong());
    }

    @Test
    void withRedisTheOtherNodesAreToldAtOnce() throws Exception {
        assumeTrue(redisReachable(), "no Redis at 127.0.0.1:6379");
        String redis = "--parley.redis.url=redis://127.0.0.1:6379";
        ApiClient first = node(redis, "--parley.policy.refresh=1h");
        ApiClient second = node(redis, "--parley.policy.refresh=1h");
        String operator = first.token("operator1", "demo");
        Response activated =
                first.post("/api/v1/policy/reload", operator, Map.of("text", policy("it-redis-1", "HOLD")));
        assertThat(activated.status()).as("%s", activated).isEqualTo(200);

        long took = awaitVersion(second, operator, "it-redis-1", 3_000);
        System.out.printf("policy convergence over Redis (polling off): %d ms%n", took);
    }

    @Test
    void reloadingWhileChecksRunNeverFailsACheck() throws Exception {
        World w = world();
        String agent = signIn(w.agent());
        String operator = api.token("operator1", "demo");
        String text = "Hola, su pedido llegará mañana por la tarde, gracias por su paciencia";
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger checks = new AtomicInteger();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            workers.add(pool.submit(() -> {
                while (!stop.get()) {
                    JsonCheck c = check(api, agent, text, w);
                    seen.add(c.version() + ":" + c.action());
                    checks.incrementAndGet();
                }
                return null;
            }));
        }
        try {
            for (int i = 0; i < 6; i++) {
                String version = "it-swap-" + i;
                Response r = api.post(
                        "/api/v1/policy/reload",
                        operator,
                        Map.of("text", policy(version, i % 2 == 0 ? "BLOCK" : "WARN")));
                assertThat(r.status()).as("%s", r).isEqualTo(200);
                Thread.sleep(100);
            }
        } finally {
            stop.set(true);
            for (Future<?> f : workers) {
                f.get();
            }
            pool.shutdown();
        }
        assertThat(checks.get()).isPositive();
        for (String versionAndAction : seen) {
            String version = versionAndAction.substring(0, versionAndAction.indexOf(':'));
            String action = versionAndAction.substring(versionAndAction.indexOf(':') + 1);
            if (version.equals(PolicyConfig.DEFAULT_VERSION)) {
                assertThat(action).isEqualTo("WARN");
            } else {
                int i = Integer.parseInt(version.substring("it-swap-".length()));
                assertThat(action)
                        .as("every verdict is wholly of the policy it names")
                        .isEqualTo(i % 2 == 0 ? "BLOCK" : "WARN");
            }
        }
    }

    private record JsonCheck(String version, String action) {}

    private static JsonCheck check(ApiClient client, String agent, String text, World w) {
        Response r = client.post("/api/v1/policy/check", agent, Map.of("text", text, "productId", w.product()));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return new JsonCheck(
                r.json().get("verdict").get("policyVersion").asString(),
                r.json().get("verdict").get("action").asString());
    }

    private static boolean redisReachable() {
        try (Socket s = new Socket("127.0.0.1", 6379)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

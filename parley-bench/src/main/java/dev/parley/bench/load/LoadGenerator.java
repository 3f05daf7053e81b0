package dev.parley.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Offers a fixed rate of messages to a running Parley server, from many buyers and agents over HTTP, and times each
 * from its scheduled send to its arrival on the other side's WebSocket. Builds its population through the operator
 * API (or reuses it, by prefix). Bounded in count and time; loopback only.
 *
 * <p>Run: {@code taskset -c 1 java -cp parley-bench/target/parley-bench.jar dev.parley.bench.load.LoadGenerator --url
 * http://127.0.0.1:8080 --rate 1000 --duration 20}
 */
public final class LoadGenerator {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "load-test-pw";

    private final LoadSettings settings;
    private final HttpClient http;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Long> inFlight = new ConcurrentHashMap<>();
    private final Map<String, String> cachedTokens = new ConcurrentHashMap<>();
    private final Path tokenFile;
    private final AtomicLong sequence = new AtomicLong();
    /**
     * Makes this run's {@code clientMessageId}s its own: the markers restart at lg1 each run, and a run that reuses a
     * population (same prefix) would otherwise repeat an earlier run's key in the same conversation, which the server
     * answers by replaying the stored message (201 again, no new event).
     */
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong shed = new AtomicLong();
    /** Measured sends the server answered as repeats of an earlier send ({@code Idempotent-Replayed}): nothing new. */
    private final AtomicLong replayed = new AtomicLong();

    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    /** Bounds the population's sign-ins (each a password hash on the server) so that none waits out its timeout. */
    private final java.util.concurrent.Semaphore setup = new java.util.concurrent.Semaphore(8);

    /** Diagnostics (-Dlg.diag=true): what each measured send got, and every frame each socket saw. */
    private static final boolean DIAG = Boolean.getBoolean("lg.diag");

    private record Sent(String conversation, String from, boolean fromBuyer, long answeredAt, String body) {}

    private final Map<String, Sent> sentInfo = new ConcurrentHashMap<>();
    private final Map<String, Listener> listeners = new ConcurrentHashMap<>();
    private final long startedAt = System.nanoTime();
    private volatile long sendingEnded;

    private volatile boolean measuring;
    private long[] latencies = new long[1 << 16];
    private int latencyCount;

    private LoadGenerator(LoadSettings settings) {
        this.settings = settings;
        this.tokenFile =
                Path.of(System.getProperty("java.io.tmpdir"), "parley-load-" + settings.prefix() + "-tokens.json");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(workers)
                .build();
    }

    /** Runs one load run with the options in {@code args} and prints the report. */
    public static void main(String[] args) throws Exception {
        LoadSettings settings = LoadSettings.parse(args);
        new LoadGenerator(settings).run();
        System.exit(0);
    }

    private record Party(String user, String token) {}

    private record Conversation(String id, Party buyer, List<Party> agents) {}

    private void run() throws Exception {
        long t0 = System.nanoTime();
        List<Conversation> conversations = population();
        System.err.printf(
                "population ready: %d conversations in %.1f s%n", conversations.size(), (System.nanoTime() - t0) / 1e9);
        List<WebSocket> sockets = new ArrayList<>();
        Map<String, Party> parties = new ConcurrentHashMap<>();
        for (Conversation c : conversations) {
            parties.put(c.buyer().user(), c.buyer());
            c.agents().forEach(a -> parties.put(a.user(), a));
        }
        for (Party p : parties.values()) {
            sockets.add(http.newWebSocketBuilder()
                    .buildAsync(
                            URI.create(settings.url().replaceFirst("^http", "ws") + "/ws?access_token=" + p.token()),
                            listener(p))
                    .get(10, TimeUnit.SECONDS));
        }
        System.err.printf(
                "%d WebSockets open; offering %d messages/s for %d s after %d s of warm-up%n",
                sockets.size(),
                settings.rate(),
                settings.duration().toSeconds(),
                settings.warmup().toSeconds());
        long interval = 1_000_000_000L / settings.rate();
        long start = System.nanoTime();
        long measureFrom = start + settings.warmup().toNanos();
        long end = measureFrom + settings.duration().toNanos();
        long acceptedAtStart = 0;
        for (long i = 0; ; i++) {
            long intended = start + i * interval;
            if (intended >= end) {
                break;
            }
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!measuring && intended >= measureFrom) {
                acceptedAtStart = accepted.get();
                measuring = true;
            }
            Conversation c = conversations.get(ThreadLocalRandom.current().nextInt(conversations.size()));
            boolean fromBuyer = (i & 1) == 0;
            Party from = fromBuyer
                    ? c.buyer()
                    : c.agents()
                            .get(ThreadLocalRandom.current().nextInt(c.agents().size()));
            boolean measured = measuring;
            if (pending.incrementAndGet() > settings.maxInFlight()) {
                pending.decrementAndGet();
                if (measured) {
                    shed.incrementAndGet();
                }
                continue;
            }
            workers.execute(() -> {
                try {
                    send(c, from, intended, measured);
                } finally {
                    pending.decrementAndGet();
                }
            });
        }
        long acceptedInWindow = accepted.get() - acceptedAtStart;
        measuring = false;
        sendingEnded = System.nanoTime();
        Thread.sleep(2000);
        report(acceptedInWindow);
        if (DIAG) {
            diagnose(conversations);
        }
        sockets.forEach(s -> s.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
        workers.shutdownNow();
    }

    private void send(Conversation c, Party from, long intended, boolean measured) {
        String marker = "lg" + sequence.incrementAndGet() + ":";
        if (measured) {
            inFlight.put(marker, intended);
        }
        String body = "{\"text\":\"" + marker + " is the parcel on its way to me now?\",\"clientMessageId\":\"" + runId
                + "-" + marker + "\"}";
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(settings.url() + "/api/v1/conversations/" + c.id() + "/messages"))
                            .header("Authorization", "Bearer " + from.token())
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (measured) {
                statuses.computeIfAbsent(r.statusCode(), k -> new AtomicLong()).incrementAndGet();
            }
            if (DIAG && measured) {
                String b = r.body();
                sentInfo.put(
                        marker,
                        new Sent(
                                c.id(),
                                from.user(),
                                from == c.buyer(),
                                System.nanoTime(),
                                b.substring(0, Math.min(400, b.length()))));
            }
            if (r.headers().firstValue("Idempotent-Replayed").isPresent()) {
                if (measured) {
                    replayed.incrementAndGet();
                }
                inFlight.remove(marker);
            } else if (r.statusCode() == 201) {
                accepted.incrementAndGet();
            } else {
                refused.incrementAndGet();
                inFlight.remove(marker);
            }
        } catch (IOException | InterruptedException e) {
            failed.incrementAndGet();
            inFlight.remove(marker);
        }
    }

    private Listener listener(Party p) {
        Listener l = new Listener(p.user().contains("-buyer-") ? "\"sender\":\"seller\"" : "\"sender\":\"buyer\"");
        listeners.put(p.user(), l);
        return l;
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final String fromOtherSide;
        /** Diagnostics: per conversation, seq -> type and when, of every frame. */
        final Map<String, Map<Long, String>> frames = new ConcurrentHashMap<>();

        Listener(String fromOtherSide) {
            this.fromOtherSide = fromOtherSide;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                long now = System.nanoTime();
                if (DIAG) {
                    JsonNode n = JSON.readTree(frame);
                    JsonNode d = n.path("data");
                    String conv = d.has("conversationId")
                            ? d.get("conversationId").asString()
                            : d.path("id").asString();
                    String text = d.path("text").isString() ? d.get("text").asString() : "";
                    frames.computeIfAbsent(conv, k -> new ConcurrentHashMap<>())
                            .merge(
                                    n.path("seq").asLong(),
                                    n.path("type").asString() + "@" + (now - startedAt) / 1_000_000 + "ms "
                                            + d.path("sender").asString() + " "
                                            + text.substring(0, Math.max(0, text.indexOf(':') + 1)),
                                    (a, b) -> a + " | " + b);
                }
                if (frame.startsWith("{\"type\":\"message.created\"") && frame.contains(fromOtherSide)) {
                    int at = frame.indexOf("\"text\":\"lg");
                    if (at > 0) {
                        int colon = frame.indexOf(':', at + 9);
                        Long sent = inFlight.remove(frame.substring(at + 8, colon + 1));
                        if (sent != null) {
                            delivered.incrementAndGet();
                            record(now - sent);
                        }
                    }
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    private synchronized void record(long nanos) {
        if (latencyCount == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencies.length * 2);
        }
        latencies[latencyCount++] = nanos;
    }

    private synchronized void report(long acceptedInWindow) {
        long[] sorted = Arrays.copyOf(latencies, latencyCount);
        Arrays.sort(sorted);
        double seconds = settings.duration().toNanos() / 1e9;
        System.out.printf(
                "offered=%d/s accepted=%.0f/s delivered=%d p50=%.1fms p99=%.1fms max=%.1fms statuses=%s undelivered=%d"
                        + " replayed=%d errors=%d not-sent(over %d in flight)=%d%n",
                settings.rate(),
                acceptedInWindow / seconds,
                sorted.length,
                percentile(sorted, 50) / 1e6,
                percentile(sorted, 99) / 1e6,
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                statuses,
                inFlight.size(),
                replayed.get(),
                failed.get(),
                settings.maxInFlight(),
                shed.get());
    }

    private void diagnose(List<Conversation> conversations) throws Exception {
        Map<String, Conversation> byId = new java.util.HashMap<>();
        conversations.forEach(c -> byId.put(c.id(), c));
        for (String marker : new ArrayList<>(inFlight.keySet())) {
            Sent s = sentInfo.get(marker);
            if (s == null) {
                System.out.println("UNDELIVERED " + marker + " no answer recorded");
                continue;
            }
            Conversation c = byId.get(s.conversation());
            List<Party> others = s.fromBuyer() ? c.agents() : List.of(c.buyer());
            System.out.printf(
                    "UNDELIVERED %s conv=%s from=%s answered@%dms (loop end @%dms) body=%s%n",
                    marker,
                    s.conversation(),
                    s.from(),
                    (s.answeredAt() - startedAt) / 1_000_000,
                    (sendingEnded - startedAt) / 1_000_000,
                    s.body());
            for (Party o : others) {
                var seen = new java.util.TreeMap<>(
                        listeners.get(o.user()).frames.getOrDefault(s.conversation(), Map.of()));
                List<Long> gaps = new ArrayList<>();
                if (!seen.isEmpty()) {
                    for (long q = seen.firstKey(); q < seen.lastKey(); q++) {
                        if (!seen.containsKey(q)) {
                            gaps.add(q);
                        }
                    }
                }
                String hit = seen.entrySet().stream()
                        .filter(e -> e.getValue().contains(marker))
                        .map(Object::toString)
                        .findFirst()
                        .orElse("none");
                System.out.printf(
                        "   socket %s: %d frames, seq %s..%s, gaps %s, frame with marker: %s%n",
                        o.user(),
                        seen.size(),
                        seen.isEmpty() ? "-" : seen.firstKey(),
                        seen.isEmpty() ? "-" : seen.lastKey(),
                        gaps,
                        hit);
            }
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    // ------------------------------------------------------------------ population through the operator API

    private List<Conversation> population() throws Exception {
        loadTokens();
        try {
            return buildPopulation();
        } finally {
            saveTokens();
        }
    }

    private List<Conversation> buildPopulation() throws Exception {
        String[] op = settings.operator().split(":", 2);
        String operator = signIn(op[0], op[1]);
        String p = settings.prefix();
        List<List<Party>> agents = new ArrayList<>();
        List<java.util.concurrent.Future<Party>> pending = new ArrayList<>();
        for (int s = 0; s < settings.shops(); s++) {
            String shop = p + "-shop-" + s;
            put(
                    operator,
                    "/api/v1/operator/shops/" + shop,
                    Map.of("name", "Load shop " + s, "zone", "Asia/Singapore", "region", "SG", "language", "en"));
            put(
                    operator,
                    "/api/v1/operator/products/" + shop + "-p",
                    Map.of(
                            "shopId",
                            shop,
                            "title",
                            "Parcel",
                            "language",
                            "en",
                            "price",
                            10,
                            "currency",
                            "SGD",
                            "returnDays",
                            30,
                            "freeReturns",
                            true,
                            "warrantyMonths",
                            0));
            for (int a = 0; a < settings.agentsPerShop(); a++) {
                String user = shop + "-agent-" + a;
                pending.add(workers.submit(() -> party(
                        operator,
                        user,
                        Map.of(
                                "displayName",
                                user,
                                "password",
                                PASSWORD,
                                "shops",
                                List.of(Map.of("shopId", shop, "role", "agent"))))));
            }
        }
        List<Party> allAgents = new ArrayList<>();
        for (var f : pending) {
            allAgents.add(f.get());
        }
        for (int s = 0; s < settings.shops(); s++) {
            agents.add(allAgents.subList(s * settings.agentsPerShop(), (s + 1) * settings.agentsPerShop()));
        }
        List<java.util.concurrent.Future<Conversation>> opened = new ArrayList<>();
        for (int b = 0; b < settings.buyers(); b++) {
            int shopIndex = b % settings.shops();
            String user = p + "-buyer-" + b;
            opened.add(workers.submit(() -> {
                Party buyer = party(operator, user, Map.of("displayName", user, "password", PASSWORD));
                String shop = p + "-shop-" + shopIndex;
                JsonNode c = JSON.readTree(post(
                        buyer.token(),
                        "/api/v1/conversations",
                        Map.of("shopId", shop, "productId", shop + "-p", "text", "Hello, a question about my parcel")));
                return new Conversation(c.get("id").asString(), buyer, agents.get(shopIndex));
            }));
        }
        List<Conversation> conversations = new ArrayList<>();
        for (var f : opened) {
            conversations.add(f.get());
        }
        return conversations;
    }

    private Party party(String operator, String user, Map<String, Object> body) throws Exception {
        setup.acquire();
        try {
            return partyNow(operator, user, body);
        } finally {
            setup.release();
        }
    }

    private Party partyNow(String operator, String user, Map<String, Object> body) throws Exception {
        String token = cachedTokens.get(user);
        if (token != null && valid(token)) {
            return new Party(user, token);
        }
        token = trySignIn(user, PASSWORD);
        if (token == null) {
            put(operator, "/api/v1/operator/users/" + user, body);
            token = signIn(user, PASSWORD);
        }
        cachedTokens.put(user, token);
        return new Party(user, token);
    }

    private boolean valid(String token) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(settings.url() + "/api/v1/me"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200;
    }

    private void loadTokens() {
        try {
            if (Files.exists(tokenFile)) {
                JsonNode node = JSON.readTree(Files.readString(tokenFile));
                node.properties()
                        .forEach(e -> cachedTokens.put(e.getKey(), e.getValue().asString()));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("ignoring the token cache " + tokenFile + ": " + e);
        }
    }

    private void saveTokens() {
        try {
            Files.writeString(tokenFile, JSON.writeValueAsString(cachedTokens));
        } catch (IOException e) {
            System.err.println("could not write the token cache " + tokenFile + ": " + e);
        }
    }

    private String signIn(String user, String password) throws Exception {
        String token = trySignIn(user, password);
        if (token == null) {
            throw new IllegalStateException("cannot sign in as " + user);
        }
        return token;
    }

    private String trySignIn(String user, String password) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r = signInOnce(user, password);
            if (r.statusCode() == 200) {
                return JSON.readTree(r.body()).get("token").asString();
            }
            if ((r.statusCode() != 503 && r.statusCode() != 429) || attempt == 5) {
                return null;
            }
            Thread.sleep(500L * attempt);
        }
    }

    private HttpResponse<String> signInOnce(String user, String password) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(settings.url() + "/api/v1/auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JSON.writeValueAsString(Map.of("username", user, "password", password))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void put(String token, String path, Object body) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(settings.url() + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
    }

    private String post(String token, String path, Object body) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(settings.url() + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}

package dev.parley.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP and WebSocket client of the API, as an outside caller would use it. */
public final class ApiClient {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final int port;

    public ApiClient(int port) {
        this.port = port;
        this.base = "http://localhost:" + port;
    }

    /** An HTTP response with its body parsed as JSON when it is JSON. */
    public record Response(
            int status, HttpResponse<String> raw, @Nullable JsonNode json) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static JsonNode parse(String text) {
        return JSON.readTree(text);
    }

    public String token(String username, String password) {
        Response r = post(
                "/api/v1/auth/token",
                null,
                "{\"username\":" + json(username) + ",\"password\":" + json(password) + "}");
        if (r.status() != 200) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + r);
        }
        return r.json().get("token").asString();
    }

    public Response get(String path, @Nullable String token) {
        return send(request(path, token).GET().build());
    }

    public Response post(String path, @Nullable String token, String body) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public Response post(String path, @Nullable String token, Object body) {
        return post(path, token, json(body));
    }

    public Response put(String path, @Nullable String token, Object body) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body)))
                .build());
    }

    public Response patch(String path, @Nullable String token, Object body) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json(body)))
                .build());
    }

    public Response delete(String path, @Nullable String token) {
        return send(request(path, token).DELETE().build());
    }

    public Response raw(HttpRequest.Builder builder) {
        return send(builder.build());
    }

    public HttpRequest.Builder request(String path, @Nullable String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** Uploads {@code bytes} as the multipart part {@code file} named {@code filename}. */
    public Response upload(@Nullable String token, String filename, byte[] bytes) {
        String boundary = "----parley" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(bytes);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(request("/api/v1/attachments", token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode node = null;
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && !type.contains("ndjson") && !r.body().isEmpty()) {
                node = JSON.readTree(r.body());
            }
            return new Response(r.statusCode(), r, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens the {@code /ws} WebSocket with the token as the {@code access_token} query parameter. */
    public Socket socket(String token) {
        Socket socket = new Socket();
        socket.ws = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/ws?access_token=" + token), socket)
                .join();
        return socket;
    }

    /** A WebSocket that collects the frames it receives. */
    public static final class Socket implements WebSocket.Listener, AutoCloseable {
        private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private WebSocket ws;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

        /** The next frame, waiting up to 10 seconds; null when none came. */
        public @Nullable JsonNode next() {
            try {
                return frames.poll(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        /** The next frame of {@code type}, skipping others, waiting up to 10 seconds. */
        public @Nullable JsonNode next(String type) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < end) {
                try {
                    JsonNode frame = frames.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (frame != null && frame.get("type").asString().equals(type)) {
                        return frame;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            return null;
        }

        /** Frames received within {@code millis}. */
        public List<JsonNode> drain(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<JsonNode> out = new java.util.ArrayList<>();
            frames.drainTo(out);
            return out;
        }

        /** The close code, waiting up to {@code seconds}. */
        public int closeCode(int seconds) throws Exception {
            return closed.get(seconds, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            if (ws != null && !ws.isOutputClosed()) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            }
        }
    }
}

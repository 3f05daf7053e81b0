package dev.parley.server.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A browser without a browser: cookies, forms with their CSRF token, and htmx headers, for page-level HTTP tests. */
public final class PageClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final String base;
    private @Nullable String csrf;

    public PageClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** GET a page; remembers the CSRF token it carries. */
    public HttpResponse<String> get(String path, String... headers) {
        HttpResponse<String> response = send(request(path, headers).GET().build());
        remember(response.body());
        return response;
    }

    /** POST a form with the CSRF token of the last page (unless {@code withCsrf} is false). */
    public HttpResponse<String> post(String path, Map<String, String> form, boolean withCsrf, String... headers) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (withCsrf && csrf != null) {
            fields.put("_csrf", csrf);
        }
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(request(path, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        remember(response.body());
        return response;
    }

    /** Signs in with the form; the session cookie is kept. */
    public HttpResponse<String> signIn(String username, String password) {
        get("/sign-in");
        return post("/sign-in", Map.of("username", username, "password", password), true);
    }

    /** The value of a cookie, if set. */
    public @Nullable String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    /** The CSRF token of the last page. */
    public @Nullable String csrf() {
        return csrf;
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private void remember(String body) {
        Matcher m = CSRF_META.matcher(body);
        if (m.find()) {
            csrf = m.group(1);
            return;
        }
        m = CSRF.matcher(body);
        if (m.find()) {
            csrf = m.group(1);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

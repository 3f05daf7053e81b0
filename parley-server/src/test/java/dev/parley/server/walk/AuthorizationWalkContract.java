package dev.parley.server.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.server.performance.internal.EvaluationRunner;
import dev.parley.server.support.ApiClient;
import dev.parley.server.support.ApiClient.Response;
import dev.parley.server.support.PageClient;
import dev.parley.server.support.ServerTestSupport;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorization walk of issue 5: every {@code /api/v1} endpoint the application maps (read from Spring's {@link
 * RequestMappingHandlerMapping}s, so a new endpoint without a row fails the walk) is called by every role with a
 * realistic request on a fixture world, and the status must be the one in {@link #TABLE}; nothing may answer 500.
 */
abstract class AuthorizationWalkContract extends ServerTestSupport {
    private static final byte[] PNG = {
        (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    private static final ZoneId SGT = ZoneId.of("Asia/Singapore");

    /** The callers, in the order each row calls them (the columns of the table). */
    enum Role {
        ANON,
        BUYER,
        AGENT,
        ADMIN,
        OWNER,
        OTHER,
        REVIEWER,
        ARBITRATOR,
        OPERATOR
    }

    /**
     * The expectations, one row per endpoint, run top to bottom: the method and the pattern as Spring maps it, the
     * concrete path on the fixture world ({@code {name}} is a fixture id), the body (a key of {@link #bodies}, or
     * {@code -}), then the status per role: anonymous, buyer, agent, admin and owner of the shop, another shop's agent,
     * reviewer, arbitrator, operator. {@code 2xx} is any success. A mutation that can happen once answers {@code 409}
     * (or {@code 404} once the thing is gone) to the roles after the first that may make it; rows that revoke or erase
     * come last. Platform staff are no tenant of a shop: its private tools (team, tokens, quick replies) answer them
     * {@code 404} like any outsider; reviewers and arbitrators read a shop's cases and evaluations (cases/Access),
     * operators only its evaluations and the regression set. Disputes are the arbitrators' (a dispute is opened once per
     * conversation: the buyer's comes first, the team's answer {@code 409}); reviewers and arbitrators read the outbox.
     * Sign-in is called with each role's credentials (anonymous:
     * an unknown user). Passwords: {@code POST /auth/password} is called with a wrong current password (a right one would
     * revoke the walk's other sessions), so it shows who may reach it.
     */
    static final String TABLE = """
            # method pattern | path | body | anon buyer agent admin owner other reviewer arbitrator operator
            GET /api/v1/me | /api/v1/me | - | 401 2xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx
            GET /api/v1/shops/{shopId} | /api/v1/shops/{shop} | - | 401 2xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx
            GET /api/v1/products/{id} | /api/v1/products/{product} | - | 401 2xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx
            GET /api/v1/orders/{id} | /api/v1/orders/{order} | - | 401 2xx 2xx 2xx 2xx 404 2xx 2xx 2xx
            GET /api/v1/shops/{shopId}/members | /api/v1/shops/{shop}/members | - | 401 404 2xx 2xx 2xx 404 2xx 2xx 2xx
            GET /api/v1/shops/{shopId}/api-tokens | /api/v1/shops/{shop}/api-tokens | - | 401 404 403 2xx 2xx 404 404 404 404
            GET /api/v1/shops/{shopId}/quick-replies | /api/v1/shops/{shop}/quick-replies | - | 401 404 2xx 2xx 2xx 404 404 404 404
            GET /api/v1/conversations | /api/v1/conversations | - | 401 2xx 2xx 2xx 2xx 2xx 2xx 2xx 403
            GET /api/v1/conversations/{id} | /api/v1/conversations/{conv} | - | 401 2xx 2xx 2xx 2xx 404 2xx 2xx 404
            GET /api/v1/conversations/{id}/messages | /api/v1/conversations/{conv}/messages | - | 401 2xx 2xx 2xx 2xx 404 2xx 2xx 404
            GET /api/v1/attachments/{id} | /api/v1/attachments/{image} | - | 401 2xx 2xx 2xx 2xx 404 2xx 2xx 404
            GET /api/v1/messages/{messageId}/verdicts | /api/v1/messages/{blocked3}/verdicts | - | 401 404 2xx 2xx 2xx 404 2xx 2xx 403
            GET /api/v1/buyer-reports | /api/v1/buyer-reports | - | 401 2xx 403 403 403 403 403 403 403
            GET /api/v1/shops/{shopId}/standing | /api/v1/shops/{shop}/standing | - | 401 404 2xx 2xx 2xx 404 2xx 2xx 403
            GET /api/v1/shops/{shopId}/held-messages | /api/v1/shops/{shop}/held-messages | - | 401 404 2xx 2xx 2xx 404 2xx 2xx 403
            GET /api/v1/shops/{shopId}/violations | /api/v1/shops/{shop}/violations | - | 401 404 2xx 2xx 2xx 404 2xx 2xx 403
            GET /api/v1/shops/{shopId}/enforcement-actions | /api/v1/shops/{shop}/enforcement-actions | - | 401 404 2xx 2xx 2xx 404 2xx 2xx 403
            GET /api/v1/shops/{shopId}/enforcement-actions/{actionId} | /api/v1/shops/{shop}/enforcement-actions/{action1} | - | 401 404 2xx 2xx 2xx 404 2xx 2xx 403
            GET /api/v1/shops/{shopId}/abuse-reports | /api/v1/shops/{shop}/abuse-reports | - | 401 404 2xx 2xx 2xx 404 2xx 2xx 403
            GET /api/v1/shops/{shopId}/abuse-reports/{reportId} | /api/v1/shops/{shop}/abuse-reports/{report1} | - | 401 404 2xx 2xx 2xx 404 2xx 2xx 403
            GET /api/v1/shops/{shopId}/abuse-reports/{reportId}/evidence | /api/v1/shops/{shop}/abuse-reports/{report1}/evidence | - | 401 404 2xx 2xx 2xx 404 2xx 2xx 403
            GET /api/v1/shops/{shopId}/contests | /api/v1/shops/{shop}/contests | - | 401 404 2xx 2xx 2xx 404 2xx 2xx 403
            GET /api/v1/shops/{shopId}/evaluations | /api/v1/shops/{shop}/evaluations | - | 401 403 2xx 2xx 2xx 404 2xx 2xx 2xx
            GET /api/v1/shops/{shopId}/evaluations/current | /api/v1/shops/{shop}/evaluations/current | - | 401 403 2xx 2xx 2xx 404 2xx 2xx 2xx
            GET /api/v1/shops/{shopId}/evaluations/{instant} | /api/v1/shops/{shop}/evaluations/{instant} | - | 401 403 2xx 2xx 2xx 404 2xx 2xx 2xx
            GET /api/v1/shops/{shopId}/orders/{orderId}/shipping-contact | /api/v1/shops/{shop}/orders/{order}/shipping-contact?purpose=fulfilment | - | 401 403 2xx 2xx 2xx 404 403 403 403
            GET /api/v1/me/export | /api/v1/me/export | - | 401 2xx 403 403 403 403 403 403 403
            GET /api/v1/review/audit-log | /api/v1/review/audit-log?shopId={shop} | - | 401 403 403 403 403 403 2xx 403 403
            GET /api/v1/review/users/{userId}/contact | /api/v1/review/users/{buyer}/contact?purpose=dispute | - | 401 403 403 403 403 403 2xx 2xx 403
            GET /api/v1/review/queues | /api/v1/review/queues | - | 401 403 403 403 403 403 2xx 2xx 403
            GET /api/v1/review/held-messages | /api/v1/review/held-messages | - | 401 403 403 403 403 403 2xx 403 403
            GET /api/v1/review/held-messages/{messageId} | /api/v1/review/held-messages/{held1} | - | 401 403 403 403 403 403 2xx 403 403
            GET /api/v1/review/messages | /api/v1/review/messages?shopId={shop} | - | 401 403 403 403 403 403 2xx 403 403
            GET /api/v1/review/abuse-reports | /api/v1/review/abuse-reports | - | 401 403 403 403 403 403 2xx 403 403
            GET /api/v1/review/abuse-reports/{reportId} | /api/v1/review/abuse-reports/{report1} | - | 401 403 403 403 403 403 2xx 403 403
            GET /api/v1/review/appeals | /api/v1/review/appeals | - | 401 403 403 403 403 403 2xx 403 403
            GET /api/v1/review/contests | /api/v1/review/contests | - | 401 403 403 403 403 403 2xx 403 403
            GET /api/v1/review/regression-set | /api/v1/review/regression-set | - | 401 403 403 403 403 403 2xx 403 2xx
            GET /api/v1/review/buyer-reports | /api/v1/review/buyer-reports | - | 401 403 403 403 403 403 2xx 403 403
            GET /api/v1/review/violations | /api/v1/review/violations | - | 401 403 403 403 403 403 2xx 403 403
            GET /api/v1/review/enforcement-actions | /api/v1/review/enforcement-actions | - | 401 403 403 403 403 403 2xx 403 403
            GET /api/v1/policy | /api/v1/policy | - | 401 403 403 403 403 403 403 403 2xx
            GET /api/v1/policy/history | /api/v1/policy/history | - | 401 403 403 403 403 403 403 403 2xx
            GET /api/v1/policy/history/{seq} | /api/v1/policy/history/{seq} | - | 401 403 403 403 403 403 403 403 2xx
            POST /api/v1/policy/check | /api/v1/policy/check | check | 401 403 2xx 2xx 2xx 404 403 403 403
            POST /api/v1/policy/validate | /api/v1/policy/validate | policy | 401 403 403 403 403 403 403 403 2xx
            POST /api/v1/policy/dry-run | /api/v1/policy/dry-run | policy | 401 403 403 403 403 403 403 403 2xx
            POST /api/v1/policy/reload | /api/v1/policy/reload | policy | 401 403 403 403 403 403 403 403 2xx
            POST /api/v1/policy/history/{seq}/activate | /api/v1/policy/history/{seq}/activate | - | 401 403 403 403 403 403 403 403 2xx
            PUT /api/v1/operator/shops/{id} | /api/v1/operator/shops/{shop} | shop | 401 403 403 403 403 403 403 403 2xx
            PUT /api/v1/operator/users/{id} | /api/v1/operator/users/{otherBuyer} | user | 401 403 403 403 403 403 403 403 2xx
            PUT /api/v1/operator/products/{id} | /api/v1/operator/products/{product} | product | 401 403 403 403 403 403 403 403 2xx
            PUT /api/v1/operator/orders/{id} | /api/v1/operator/orders/{order} | order | 401 403 403 403 403 403 403 403 2xx
            POST /api/v1/conversations | /api/v1/conversations | open | 401 2xx 403 403 403 403 403 403 403
            PATCH /api/v1/conversations/{id} | /api/v1/conversations/{conv} | assign | 401 403 2xx 2xx 2xx 404 403 403 404
            POST /api/v1/conversations/{id}/read | /api/v1/conversations/{conv}/read | - | 401 2xx 2xx 2xx 2xx 404 2xx 2xx 404
            POST /api/v1/conversations/{id}/messages | /api/v1/conversations/{conv}/messages | say | 401 2xx 2xx 2xx 2xx 404 403 403 404
            POST /api/v1/conversations/{id}/messages/{messageId}/retract | /api/v1/conversations/{conv}/messages/{held3}/retract | - | 401 403 2xx 409 409 404 403 403 404
            POST /api/v1/attachments | /api/v1/attachments | png | 401 2xx 2xx 2xx 2xx 2xx 403 403 403
            POST /api/v1/buyer-reports | /api/v1/buyer-reports | buyerReport | 401 2xx 403 403 403 403 403 403 403
            POST /api/v1/shops/{shopId}/abuse-reports | /api/v1/shops/{shop}/abuse-reports | abuseReport | 401 404 2xx 409 409 404 403 403 403
            POST /api/v1/shops/{shopId}/contests | /api/v1/shops/{shop}/contests | contest | 401 404 403 2xx 409 404 403 403 403
            POST /api/v1/shops/{shopId}/enforcement-actions/{actionId}/appeal | /api/v1/shops/{shop}/enforcement-actions/{action3}/appeal | appeal | 401 404 403 2xx 409 404 403 403 403
            POST /api/v1/shops/{shopId}/quick-replies | /api/v1/shops/{shop}/quick-replies | quickReply | 401 404 403 2xx 2xx 404 404 404 404
            POST /api/v1/shops/{shopId}/api-tokens | /api/v1/shops/{shop}/api-tokens | apiToken | 401 404 403 2xx 2xx 404 404 404 404
            POST /api/v1/shops/{shopId}/members | /api/v1/shops/{shop}/members | member | 401 404 403 2xx 2xx 404 404 404 404
            PATCH /api/v1/shops/{shopId}/members/{userId} | /api/v1/shops/{shop}/members/{agent2} | role | 401 404 403 2xx 2xx 404 404 404 404
            POST /api/v1/review/held-messages/{messageId}/release | /api/v1/review/held-messages/{held1}/release | note | 401 403 403 403 403 403 2xx 403 403
            POST /api/v1/review/held-messages/{messageId}/reject | /api/v1/review/held-messages/{held2}/reject | rejection | 401 403 403 403 403 403 2xx 403 403
            POST /api/v1/review/abuse-reports/{reportId}/verify | /api/v1/review/abuse-reports/{report1}/verify | note | 401 403 403 403 403 403 2xx 403 403
            POST /api/v1/review/abuse-reports/{reportId}/reject | /api/v1/review/abuse-reports/{report2}/reject | reason | 401 403 403 403 403 403 2xx 403 403
            POST /api/v1/review/appeals/{appealId}/grant | /api/v1/review/appeals/{appeal1}/grant | note | 401 403 403 403 403 403 2xx 403 403
            POST /api/v1/review/appeals/{appealId}/deny | /api/v1/review/appeals/{appeal2}/deny | reason | 401 403 403 403 403 403 2xx 403 403
            POST /api/v1/review/contests/{contestId}/overturn | /api/v1/review/contests/{contest1}/overturn | overturn | 401 403 403 403 403 403 2xx 403 403
            POST /api/v1/review/contests/{contestId}/uphold | /api/v1/review/contests/{contest2}/uphold | reason | 401 403 403 403 403 403 2xx 403 403
            POST /api/v1/review/buyer-reports/{reportId}/confirm | /api/v1/review/buyer-reports/{buyerReport1}/confirm | confirm | 401 403 403 403 403 403 2xx 403 403
            POST /api/v1/review/buyer-reports/{reportId}/dismiss | /api/v1/review/buyer-reports/{buyerReport2}/dismiss | reason | 401 403 403 403 403 403 2xx 403 403
            POST /api/v1/review/violations | /api/v1/review/violations | violation | 401 403 403 403 403 403 2xx 403 403
            POST /api/v1/review/enforcement-actions | /api/v1/review/enforcement-actions | warning | 401 403 403 403 403 403 2xx 403 403
            GET /api/v1/conversations/{conversationId}/disputes | /api/v1/conversations/{conv2}/disputes | - | 401 2xx 2xx 2xx 2xx 404 2xx 2xx 404
            GET /api/v1/review/disputes | /api/v1/review/disputes | - | 401 403 403 403 403 403 403 2xx 403
            GET /api/v1/review/disputes/{disputeId} | /api/v1/review/disputes/{dispute1} | - | 401 403 403 403 403 403 403 2xx 403
            GET /api/v1/review/outbox | /api/v1/review/outbox | - | 401 403 403 403 403 403 2xx 2xx 403
            POST /api/v1/conversations/{conversationId}/disputes | /api/v1/conversations/{conv3}/disputes | dispute | 401 2xx 409 409 409 404 403 403 404
            POST /api/v1/review/disputes/{disputeId}/take | /api/v1/review/disputes/{dispute1}/take | - | 401 403 403 403 403 403 403 2xx 403
            POST /api/v1/review/disputes/{disputeId}/decide | /api/v1/review/disputes/{dispute1}/decide | decide | 401 403 403 403 403 403 403 2xx 403
            DELETE /api/v1/shops/{shopId}/quick-replies/{id} | /api/v1/shops/{shop}/quick-replies/{quickReply} | - | 401 404 403 2xx 404 404 404 404 404
            DELETE /api/v1/shops/{shopId}/api-tokens/{tokenId} | /api/v1/shops/{shop}/api-tokens/{apiToken} | - | 401 404 403 2xx 2xx 404 404 404 404
            DELETE /api/v1/shops/{shopId}/members/{userId} | /api/v1/shops/{shop}/members/{agent2} | - | 401 404 403 2xx 404 404 404 404 404
            POST /api/v1/auth/token | /api/v1/auth/token | signIn | 401 2xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx
            POST /api/v1/auth/password | /api/v1/auth/password | password | 401 403 403 403 403 403 403 403 403
            POST /api/v1/auth/sign-out | /api/v1/auth/sign-out | fresh | 401 2xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx
            POST /api/v1/me/erasure | /api/v1/me/erasure | erasure | 401 2xx 403 403 403 403 403 403 403
            POST /api/v1/operator/users/{userId}/erasure | /api/v1/operator/users/{buyer}/erasure | - | 401 401 403 403 403 403 403 403 2xx
            """;

    @Autowired
    ApplicationContext context;

    @Autowired
    EvaluationRunner runner;

    private final Map<String, String> ids = new HashMap<>();
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);
    private final Map<Role, String> users = new EnumMap<>(Role.class);
    private final Map<Role, String> passwords = new EnumMap<>(Role.class);

    private record Row(String method, String pattern, String path, String body, List<String> expected) {}

    @Test
    void everyEndpointAnswersEveryRoleAsTheTableSaysAndNeverWith500() {
        List<Row> rows = rows();
        TreeSet<String> mapped = mappedEndpoints();
        TreeSet<String> listed = new TreeSet<>();
        rows.forEach(r -> listed.add(r.method() + " " + r.pattern()));
        TreeSet<String> missing = new TreeSet<>(mapped);
        missing.removeAll(listed);
        TreeSet<String> stale = new TreeSet<>(listed);
        stale.removeAll(mapped);
        assertThat(missing)
                .as("endpoints without a row in the walk's table: add them")
                .isEmpty();
        assertThat(stale).as("rows of endpoints that no longer exist").isEmpty();

        fixture();
        List<String> wrong = new ArrayList<>();
        List<String> actualTable = new ArrayList<>();
        for (Row row : rows) {
            List<String> actual = new ArrayList<>();
            for (Role role : Role.values()) {
                Response r = call(row, role);
                actual.add(String.valueOf(r.status()));
                String expected = row.expected().get(role.ordinal());
                boolean ok = expected.endsWith("xx")
                        ? r.status() / 100 == expected.charAt(0) - '0'
                        : expected.equals(String.valueOf(r.status()));
                if (r.status() >= 500 || !ok) {
                    wrong.add(
                            row.method() + " " + row.path() + " as " + role + ": expected " + expected + ", got " + r);
                }
            }
            actualTable.add(row.method() + " " + row.pattern() + " | " + String.join(" ", actual));
        }
        assertThat(wrong)
                .as("answers that differ from the table; the answers were:%n%s", String.join("\n", actualTable))
                .isEmpty();
    }

    /**
     * The pages, as {@link #TABLE} has the API: a form body is {@code name=value&…} (sent with the page's CSRF token),
     * posted as htmx posts it ({@code HX-Request}), and {@code 3xx} is any redirect (anonymous callers of a page are
     * sent to sign in; htmx posts without a session are {@code 401}). {@code -} is not called: {@code /error} is the
     * container's error page, reached by forwarding a failed request (called directly it reports a 500 that never
     * happened).
     */
    static final String PAGES = """
            # method pattern | path | form | anon buyer agent admin owner other reviewer arbitrator operator
            GET / | / | - | 3xx 3xx 3xx 3xx 3xx 3xx 3xx 3xx 3xx
            GET /sign-in | /sign-in | - | 200 3xx 3xx 3xx 3xx 3xx 3xx 3xx 3xx
            GET /language | /language?lang=en&back=/ | - | 3xx 3xx 3xx 3xx 3xx 3xx 3xx 3xx 3xx
            GET /shops | /shops | - | 3xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx
            GET /shops/{shopId} | /shops/{shop} | - | 3xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx
            GET /products/{productId} | /products/{product} | - | 3xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx
            GET /account | /account | - | 3xx 2xx 403 403 403 403 403 403 403
            GET /account/export | /account/export | - | 3xx 2xx 403 403 403 403 403 403 403
            GET /conversations | /conversations | - | 3xx 2xx 3xx 3xx 3xx 3xx 2xx 2xx 403
            GET /conversations/list | /conversations/list | - | 3xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx 403
            GET /conversations/{id} | /conversations/{conv} | - | 3xx 2xx 2xx 2xx 2xx 404 2xx 2xx 404
            GET /conversations/{id}/messages | /conversations/{conv}/messages | - | 3xx 2xx 2xx 2xx 2xx 404 2xx 2xx 404
            GET /conversations/{id}/messages/{messageId} | /conversations/{conv}/messages/{reply1} | - | 3xx 2xx 2xx 2xx 2xx 404 2xx 2xx 404
            GET /conversations/{id}/summary | /conversations/{conv}/summary | - | 3xx 2xx 2xx 2xx 2xx 404 2xx 2xx 404
            GET /inbox | /inbox | - | 3xx 3xx 2xx 2xx 2xx 2xx 3xx 3xx 3xx
            GET /inbox/list | /inbox/list | - | 3xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx 403
            GET /shop/{shopId}/performance | /shop/{shop}/performance | - | 3xx 403 2xx 2xx 2xx 404 2xx 2xx 2xx
            GET /shop/{shopId}/performance/{evaluatedAt} | /shop/{shop}/performance/{instantMillis} | - | 3xx 403 2xx 2xx 2xx 404 2xx 2xx 2xx
            GET /shop/{shopId}/standing | /shop/{shop}/standing | - | 3xx 404 2xx 2xx 2xx 404 2xx 2xx 403
            GET /shop/{shopId}/quick-replies | /shop/{shop}/quick-replies | - | 3xx 404 2xx 2xx 2xx 404 404 404 404
            GET /shop/{shopId}/team | /shop/{shop}/team | - | 3xx 404 2xx 2xx 2xx 404 2xx 2xx 2xx
            GET /shop/{shopId}/tokens | /shop/{shop}/tokens | - | 3xx 404 403 2xx 2xx 404 404 404 404
            GET /staff | /staff | - | 3xx 403 403 403 403 403 3xx 3xx 2xx
            GET /staff/review | /staff/review | - | 3xx 403 403 403 403 403 2xx 403 403
            GET /staff/abuse-reports | /staff/abuse-reports | - | 3xx 403 403 403 403 403 2xx 403 403
            GET /staff/appeals | /staff/appeals | - | 3xx 403 403 403 403 403 2xx 403 403
            GET /staff/enforcement | /staff/enforcement | - | 3xx 403 403 403 403 403 2xx 403 403
            GET /staff/audit | /staff/audit?shopId={shop} | - | 3xx 403 403 403 403 403 2xx 403 403
            GET /v3/api-docs | /v3/api-docs | - | 2xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx
            GET /v3/api-docs.yaml | /v3/api-docs.yaml | - | 2xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx
            GET /v3/api-docs/swagger-config | /v3/api-docs/swagger-config | - | 2xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx
            GET /swagger-ui.html | /swagger-ui.html | - | 3xx 3xx 3xx 3xx 3xx 3xx 3xx 3xx 3xx
            ANY /error | /error | - | - - - - - - - - -
            POST /session/socket-token | /session/socket-token | - | 401 2xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx
            POST /products/{productId}/chat | /products/{product}/chat | text=Hello ({role}) | 401 3xx 403 403 403 403 403 403 403
            POST /conversations/{id}/check | /conversations/{conv}/check | text=Happy to help | 401 403 2xx 2xx 2xx 404 403 403 403
            POST /conversations/{id}/messages | /conversations/{conv}/messages | text=Thanks ({role}) | 401 2xx 2xx 2xx 2xx 404 403 403 404
            POST /conversations/{id}/read | /conversations/{conv}/read | - | 401 2xx 2xx 2xx 2xx 404 2xx 2xx 404
            POST /conversations/{id}/assignee | /conversations/{conv}/assignee | assigneeId={user} | 401 403 2xx 2xx 2xx 404 403 403 404
            POST /conversations/{id}/messages/{messageId}/retract | /conversations/{conv}/messages/{held3}/retract | - | 401 403 2xx 409 409 404 403 403 404
            POST /conversations/{id}/abuse-reports | /conversations/{conv}/abuse-reports | messageIds={rude3}&category=threatening&note={role} | 401 404 2xx 409 409 404 403 403 404
            POST /conversations/{id}/messages/{messageId}/contest | /conversations/{conv}/messages/{blocked3}/contest | statement=ours | 401 404 403 2xx 409 404 403 403 404
            POST /shop/{shopId}/orders/{orderId}/shipping-contact | /shop/{shop}/orders/{order}/shipping-contact | purpose=fulfilment | 401 403 2xx 2xx 2xx 404 403 403 403
            POST /shop/{shopId}/standing/actions/{actionId}/appeal | /shop/{shop}/standing/actions/{action3}/appeal | statement=please | 401 404 403 2xx 409 404 403 403 403
            POST /shop/{shopId}/quick-replies | /shop/{shop}/quick-replies | shortcut=p{role}&text=Hello there | 401 404 403 2xx 2xx 404 404 404 404
            POST /shop/{shopId}/quick-replies/{id}/delete | /shop/{shop}/quick-replies/{quickReply}/delete | - | 401 404 403 2xx 404 404 404 404 404
            POST /shop/{shopId}/team | /shop/{shop}/team | username=pinv-{role}-{shop}&role=agent | 401 404 403 2xx 2xx 404 404 404 404
            POST /shop/{shopId}/team/{userId}/role | /shop/{shop}/team/{agent2}/role | role=agent | 401 404 403 2xx 2xx 404 404 404 404
            POST /shop/{shopId}/team/{userId}/remove | /shop/{shop}/team/{agent2}/remove | - | 401 404 403 2xx 404 404 404 404 404
            POST /shop/{shopId}/tokens | /shop/{shop}/tokens | name=tool {role} | 401 404 403 2xx 2xx 404 404 404 404
            POST /shop/{shopId}/tokens/{tokenId}/revoke | /shop/{shop}/tokens/{apiToken}/revoke | - | 401 404 403 2xx 2xx 404 404 404 404
            POST /staff/review/{messageId}/release | /staff/review/{held1}/release | note=ok | 401 403 403 403 403 403 2xx 403 403
            POST /staff/review/{messageId}/reject | /staff/review/{held2}/reject | reason=contact&rule=off_platform_contact | 401 403 403 403 403 403 2xx 403 403
            POST /staff/abuse-reports/{reportId}/{decision:verify|reject} | /staff/abuse-reports/{report1}/verify | note=ok | 401 403 403 403 403 403 2xx 403 403
            POST /staff/appeals/{appealId}/{decision:grant|deny} | /staff/appeals/{appeal1}/grant | note=ok | 401 403 403 403 403 403 2xx 403 403
            POST /staff/enforcement/violations | /staff/enforcement/violations | messageId={reply2}&rule=misleading_claim&note=found | 401 403 403 403 403 403 2xx 403 403
            POST /staff/enforcement/actions | /staff/enforcement/actions | shopId={shop}&kind=WARNING&reason=reminder | 401 403 403 403 403 403 2xx 403 403
            GET /staff/disputes | /staff/disputes | - | 3xx 403 403 403 403 403 403 2xx 403
            GET /staff/outbox | /staff/outbox | - | 3xx 403 403 403 403 403 2xx 2xx 403
            POST /conversations/{id}/disputes | /conversations/{conv3}/disputes | reason=The parcel never came ({role}) | 401 3xx 409 409 409 404 403 403 404
            POST /staff/disputes/{disputeId}/take | /staff/disputes/{dispute1}/take | - | 401 403 403 403 403 403 403 3xx 403
            POST /staff/disputes/{disputeId}/decide | /staff/disputes/{dispute1}/decide | outcome=SETTLED&decision=Refund half | 401 403 403 403 403 403 403 3xx 403
            POST /conversations/{id}/status | /conversations/{conv}/status | status=OPEN | 401 403 2xx 2xx 2xx 404 403 2xx 404
            POST /account/erasure | /account/erasure | password={password} | 401 3xx 403 403 403 403 403 403 403
            """;

    @Test
    void everyPageAnswersEveryRoleAsThePageTableSaysAndNeverWith500() {
        List<Row> rows = rows(PAGES);
        TreeSet<String> mapped = mappedEndpoints(false);
        TreeSet<String> listed = new TreeSet<>();
        rows.forEach(r -> listed.add(r.method() + " " + r.pattern()));
        TreeSet<String> missing = new TreeSet<>(mapped);
        missing.removeAll(listed);
        TreeSet<String> stale = new TreeSet<>(listed);
        stale.removeAll(mapped);
        assertThat(missing)
                .as("pages without a row in the walk's table: add them")
                .isEmpty();
        assertThat(stale).as("rows of pages that no longer exist").isEmpty();

        fixture();
        Map<Role, PageClient> browsers = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            PageClient page = new PageClient(port);
            if (role == Role.ANON) {
                page.get("/sign-in");
            } else {
                assertThat(page.signIn(users.get(role), passwords.get(role)).statusCode())
                        .isEqualTo(302);
                page.get("/");
            }
            browsers.put(role, page);
        }
        List<String> wrong = new ArrayList<>();
        List<String> actualTable = new ArrayList<>();
        for (Row row : rows) {
            List<String> actual = new ArrayList<>();
            for (Role role : Role.values()) {
                String expected = row.expected().get(role.ordinal());
                if (expected.equals("-")) {
                    actual.add("-");
                    continue;
                }
                PageClient page = browsers.get(role);
                String path = fill(row.path(), role);
                HttpResponse<String> r;
                if (row.method().equals("GET") || row.method().equals("ANY")) {
                    r = page.get(path);
                } else {
                    Map<String, String> form = new LinkedHashMap<>();
                    if (!row.body().equals("-")) {
                        for (String pair : row.body().split("&")) {
                            String[] kv = pair.split("=", 2);
                            form.put(kv[0], fill(kv[1], role));
                        }
                    }
                    r = page.post(path, form, true, "HX-Request", "true");
                    page.get("/");
                }
                actual.add(String.valueOf(r.statusCode()));
                boolean ok = expected.endsWith("xx")
                        ? r.statusCode() / 100 == expected.charAt(0) - '0'
                        : expected.equals(String.valueOf(r.statusCode()));
                if (r.statusCode() >= 500 || !ok) {
                    wrong.add(row.method() + " " + path + " as " + role + ": expected " + expected + ", got "
                            + r.statusCode() + " "
                            + r.headers().firstValue("Location").orElse(""));
                }
            }
            actualTable.add(row.method() + " " + row.pattern() + " | " + String.join(" ", actual));
        }
        assertThat(wrong)
                .as("answers that differ from the table; the answers were:%n%s", String.join("\n", actualTable))
                .isEmpty();
    }

    private List<Row> rows() {
        return rows(TABLE);
    }

    private List<Row> rows(String table) {
        List<Row> rows = new ArrayList<>();
        for (String line : table.strip().split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\s\\|\\s");
            String[] endpoint = cells[0].strip().split(" ");
            List<String> expected = List.of(cells[3].strip().split("\\s+"));
            assertThat(expected).as(line).hasSize(Role.values().length);
            rows.add(new Row(endpoint[0], endpoint[1], cells[1].strip(), cells[2].strip(), expected));
        }
        return rows;
    }

    /** Every endpoint under /api/v1 of every handler mapping, as "METHOD pattern". */
    private TreeSet<String> mappedEndpoints() {
        return mappedEndpoints(true);
    }

    /** Every endpoint of every handler mapping under /api/v1 ({@code api}) or elsewhere, as "METHOD pattern". */
    private TreeSet<String> mappedEndpoints(boolean api) {
        TreeSet<String> endpoints = new TreeSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> {
                    var methods = info.getMethodsCondition().getMethods();
                    for (String pattern : info.getPatternValues()) {
                        if (pattern.startsWith("/api/v1") != api) {
                            continue;
                        }
                        if (methods.isEmpty()) {
                            endpoints.add("ANY " + pattern);
                        }
                        methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
                    }
                }));
        return endpoints;
    }

    private Response call(Row row, Role role) {
        String token = row.body().equals("fresh") ? fresh(role) : tokens.get(role);
        String path = fill(row.path(), role);
        if (row.body().equals("png")) {
            return api.upload(token, "walk.png", PNG);
        }
        String body =
                row.body().equals("-") || row.body().equals("fresh") ? null : fill(bodies().get(row.body()), role);
        if (row.body().equals("signIn")) {
            token = null;
        }
        HttpRequest.Builder b = api.request(path, token);
        HttpRequest.BodyPublisher publisher =
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return api.raw(b.method(row.method(), publisher));
    }

    private String fresh(Role role) {
        return role == Role.ANON ? null : api.token(users.get(role), passwords.get(role));
    }

    private String fill(String template, Role role) {
        String out = template.replace("'", "\"")
                .replace("{role}", role.name().toLowerCase())
                .replace("{user}", users.getOrDefault(role, "nobody"))
                .replace("{password}", passwords.getOrDefault(role, "nothing"));
        for (Map.Entry<String, String> id : ids.entrySet()) {
            out = out.replace("{" + id.getKey() + "}", id.getValue());
        }
        assertThat(out).as("every placeholder of %s is filled", template).doesNotContainPattern("\\{[A-Za-z0-9]+\\}");
        return out;
    }

    /** The request bodies ({@code '} stands for {@code "}; {@code {name}} is a fixture id or the caller). */
    private Map<String, String> bodies() {
        Map<String, String> b = new HashMap<>();
        b.put("check", "{'text': 'Happy to help', 'conversationId': '{conv}'}");
        b.put("policy", "{'text': {policyJson}}");
        b.put("shop", "{'name': 'Walk shop', 'zone': 'Asia/Singapore', 'region': 'SG', 'language': 'en'}");
        b.put("user", "{'displayName': 'other shopper', 'password': 'secret-pw'}");
        b.put(
                "product",
                "{'shopId': '{shop}', 'title': 'Hoodie', 'language': 'en', 'price': 29.9, 'currency': 'SGD',"
                        + " 'returnDays': 30, 'freeReturns': true, 'warrantyMonths': 0}");
        b.put(
                "order",
                "{'shopId': '{shop}', 'buyerId': '{buyer}', 'lines': [{'productId': '{product}', 'quantity': 1}]}");
        b.put("open", "{'shopId': '{shop}', 'productId': '{product}', 'text': 'Is it warm? ({role})'}");
        b.put("assign", "{'assigneeId': '{user}'}");
        b.put("say", "{'text': 'Thanks for waiting ({role})'}");
        b.put("buyerReport", "{'messageId': '{reply3}', 'reason': 'Rude reply'}");
        b.put(
                "abuseReport",
                "{'conversationId': '{conv}', 'messageIds': ['{rude3}'], 'category': 'threatening', 'note': '{role}'}");
        b.put("contest", "{'messageId': '{blocked3}', 'statement': 'That is our own domain'}");
        b.put("appeal", "{'statement': 'We answered questions only'}");
        b.put("quickReply", "{'shortcut': 'hi-{role}', 'text': 'Hello, how can I help?'}");
        b.put("apiToken", "{'name': 'tool of {role}'}");
        b.put("member", "{'username': 'invitee-{role}-{shop}', 'role': 'agent'}");
        b.put("role", "{'role': 'agent'}");
        b.put("note", "{'note': 'checked'}");
        b.put("reason", "{'reason': 'not shown'}");
        b.put("confirm", "{'rule': 'abusive_language', 'note': 'rude'}");
        b.put("rejection", "{'reason': 'shares contact', 'rule': 'off_platform_contact'}");
        b.put("overturn", "{'expectedAction': 'ALLOW', 'note': 'their domain'}");
        b.put("violation", "{'messageId': '{reply2}', 'rule': 'misleading_claim', 'note': 'found'}");
        b.put("warning", "{'shopId': '{shop}', 'kind': 'WARNING', 'reason': 'reminder'}");
        b.put("dispute", "{'reason': 'The parcel never came ({role})'}");
        b.put("decide", "{'outcome': 'SETTLED', 'decision': 'The shop refunds half'}");
        b.put("signIn", "{'username': '{user}', 'password': '{password}'}");
        b.put("password", "{'currentPassword': 'not-the-password', 'newPassword': 'another-secret'}");
        b.put("erasure", "{'password': '{password}'}");
        return b;
    }

    private void fixture() {
        clock.set(LocalDateTime.parse("2026-12-15T10:00:00").atZone(SGT).toInstant());
        World w = world();
        World other = world();
        String operator = api.token("operator1", "demo");
        String reviewer = api.token("reviewer1", "demo");
        users.put(Role.BUYER, w.buyer());
        users.put(Role.AGENT, w.agent());
        users.put(Role.ADMIN, w.admin());
        users.put(Role.OWNER, w.owner());
        users.put(Role.OTHER, other.agent());
        users.put(Role.REVIEWER, "reviewer1");
        users.put(Role.ARBITRATOR, "arbitrator1");
        users.put(Role.OPERATOR, "operator1");
        for (Role role : Role.values()) {
            if (role != Role.ANON) {
                passwords.put(
                        role, users.get(role).endsWith("1") && !users.get(role).contains("-") ? "demo" : "secret-pw");
                tokens.put(role, api.token(users.get(role), passwords.get(role)));
            }
        }
        ids.put("shop", w.shop());
        ids.put("product", w.product());
        ids.put("buyer", w.buyer());
        ids.put("otherBuyer", w.otherBuyer());
        ids.put("agent2", w.agent2());
        String buyer = tokens.get(Role.BUYER);
        String agent = tokens.get(Role.AGENT);
        String admin = tokens.get(Role.ADMIN);

        String order = "walk-order-" + w.shop();
        Map<String, Object> orderBody = new LinkedHashMap<>();
        orderBody.put("shopId", w.shop());
        orderBody.put("buyerId", w.buyer());
        orderBody.put("lines", List.of(Map.of("productId", w.product(), "quantity", 1)));
        orderBody.put(
                "shippingAddress",
                Map.of(
                        "name",
                        "Private Person",
                        "line1",
                        "1 Walk Road",
                        "city",
                        "Singapore",
                        "postalCode",
                        "1",
                        "country",
                        "SG"));
        ok(api.put("/api/v1/operator/orders/" + order, operator, orderBody));
        ids.put("order", order);

        String conv = open(buyer, w, "Is the hoodie warm?");
        ids.put("conv", conv);
        String conv2 = ok(api.post(
                        "/api/v1/conversations",
                        buyer,
                        Map.of("shopId", w.shop(), "orderId", order, "text", "Where is my parcel?")))
                .json()
                .get("id")
                .asString();
        ids.put("conv2", conv2);
        ids.put(
                "conv3",
                ok(api.post("/api/v1/conversations", buyer, Map.of("shopId", w.shop(), "text", "A question")))
                        .json()
                        .get("id")
                        .asString());
        ids.put(
                "dispute1",
                ok(api.post(
                                "/api/v1/conversations/" + conv2 + "/disputes",
                                buyer,
                                Map.of("reason", "The parcel never came")))
                        .json()
                        .get("id")
                        .asString());
        String image = ok(api.upload(buyer, "me.png", PNG)).json().get("id").asString();
        ok(api.post(
                "/api/v1/conversations/" + conv + "/messages",
                buyer,
                Map.of("text", "photo", "attachmentIds", List.of(image))));
        ids.put("image", image);
        for (int i = 1; i <= 3; i++) {
            clock.advance(Duration.ofSeconds(10));
            ids.put(
                    "reply" + i,
                    ok(say(agent, conv, "It is warm, option " + i + "."))
                            .json()
                            .get("id")
                            .asString());
            ids.put(
                    "rude" + i,
                    ok(say(buyer, conv, "Refund me twice or I will ruin your shop, idiots " + i))
                            .json()
                            .get("id")
                            .asString());
        }
        for (int i = 1; i <= 3; i++) {
            clock.advance(Duration.ofSeconds(10));
            Response blocked = say(agent, conv, "Write to me at deals" + i + "@example.com");
            assertThat(blocked.status()).as("%s", blocked).isEqualTo(422);
            ids.put("blocked" + i, blocked.json().get("messageId").asString());
        }
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/v1/shops/" + w.shop() + "/violations", agent)
                                .json()
                                .get("items")
                                .size()
                        >= 3);
        for (int i = 1; i <= 2; i++) {
            ids.put(
                    "contest" + i,
                    ok(api.post(
                                    "/api/v1/shops/" + w.shop() + "/contests",
                                    admin,
                                    Map.of("messageId", ids.get("blocked" + i), "statement", "ours")))
                            .json()
                            .get("id")
                            .asString());
            ids.put(
                    "report" + i,
                    ok(api.post(
                                    "/api/v1/shops/" + w.shop() + "/abuse-reports",
                                    agent,
                                    Map.of(
                                            "conversationId",
                                            conv,
                                            "messageIds",
                                            List.of(ids.get("rude" + i)),
                                            "category",
                                            "threatening")))
                            .json()
                            .get("id")
                            .asString());
            ids.put(
                    "buyerReport" + i,
                    ok(api.post(
                                    "/api/v1/buyer-reports",
                                    buyer,
                                    Map.of("messageId", ids.get("reply" + i), "reason", "rude")))
                            .json()
                            .get("id")
                            .asString());
        }
        for (int i = 1; i <= 3; i++) {
            ids.put(
                    "action" + i,
                    ok(api.post(
                                    "/api/v1/review/enforcement-actions",
                                    reviewer,
                                    Map.of("shopId", w.shop(), "kind", "HOLD_ALL", "days", 7, "reason", "walk " + i)))
                            .json()
                            .get("id")
                            .asString());
        }
        for (int i = 1; i <= 2; i++) {
            ids.put(
                    "appeal" + i,
                    ok(api.post(
                                    "/api/v1/shops/" + w.shop() + "/enforcement-actions/" + ids.get("action" + i)
                                            + "/appeal",
                                    admin,
                                    Map.of("statement", "please")))
                            .json()
                            .get("id")
                            .asString());
        }
        for (int i = 1; i <= 3; i++) {
            Response held = say(agent, conv, "Checking, moment " + i);
            assertThat(held.status()).as("%s", held).isEqualTo(202);
            ids.put("held" + i, held.json().get("id").asString());
        }
        ids.put(
                "quickReply",
                ok(api.post(
                                "/api/v1/shops/" + w.shop() + "/quick-replies",
                                admin,
                                Map.of("shortcut", "thanks", "text", "Thank you!")))
                        .json()
                        .get("id")
                        .asString());
        ids.put(
                "apiToken",
                ok(api.post("/api/v1/shops/" + w.shop() + "/api-tokens", admin, Map.of("name", "walk")))
                        .json()
                        .get("id")
                        .asString());
        var policy = ok(api.get("/api/v1/policy", operator)).json();
        ids.put("seq", policy.get("seq").asString());
        ids.put("policyJson", ApiClient.json(policy.get("text").asString()));

        clock.set(LocalDateTime.parse("2026-12-16T00:05:00").atZone(SGT).toInstant());
        runner.catchUp(w.shop());
        ids.put(
                "instantMillis",
                String.valueOf(LocalDateTime.parse("2026-12-16T00:00:00")
                        .atZone(SGT)
                        .toInstant()
                        .toEpochMilli()));
        ids.put("instant", URLEncoder.encode("2026-12-16T00:00:00+08:00", StandardCharsets.UTF_8));
    }

    private static Response ok(Response r) {
        assertThat(r.status()).as("fixture: %s", r).isBetween(200, 299);
        return r;
    }

    @SuppressWarnings("unused")
    private static @Nullable String none() {
        return null;
    }
}

package dev.parley.server.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A refusal answered as an RFC 9457 problem with type {@code urn:parley:problem:<slug>}; extra members (rule, kind,
 * clause, verdict, errors…) are written beside the standard ones.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, @Nullable Object> properties;
    private final Map<String, String> headers;

    /** A problem with {@code status}, {@code slug}, a title and a detail. */
    public ProblemException(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.properties = new LinkedHashMap<>();
        this.headers = new LinkedHashMap<>();
    }

    /** {@code 400 invalid_request} with what is wrong and an {@code errors} list. */
    public static ProblemException invalid(String detail, List<String> errors) {
        return new ProblemException(400, "invalid_request", "Invalid request", detail).with("errors", errors);
    }

    /** {@code 400 invalid_request} with one error. */
    public static ProblemException invalid(String detail) {
        return invalid(detail, List.of(detail));
    }

    /** {@code 404 not_found}. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not_found", "Not found", detail);
    }

    /** {@code 403 forbidden}. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    /** {@code 401 unauthorized}. */
    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "unauthorized", "Unauthorized", detail);
    }

    /** {@code 413 payload_too_large}. */
    public static ProblemException tooLarge(long limitBytes) {
        return new ProblemException(
                        413,
                        "payload_too_large",
                        "Payload too large",
                        "the request body is larger than the limit of " + limitBytes + " bytes")
                .with("limit", limitBytes);
    }

    /** A refusal by a rule of the Seller Customer Service Rules, carrying rule, kind and clause. */
    public static ProblemException rule(
            int status, String slug, String title, String detail, String rule, @Nullable String kind, String clause) {
        return new ProblemException(status, slug, title, detail)
                .with("rule", rule)
                .with("kind", kind)
                .with("clause", clause);
    }

    /** This problem with one more member. */
    public ProblemException with(String name, @Nullable Object value) {
        properties.put(name, value);
        return this;
    }

    /** This problem with a response header. */
    public ProblemException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The slug of the problem type. */
    public String slug() {
        return slug;
    }

    /** The response headers to add. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The problem document: type, title, status, detail, then the extra members. */
    public Map<String, @Nullable Object> body() {
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("type", "urn:parley:problem:" + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        body.putAll(properties);
        return body;
    }
}

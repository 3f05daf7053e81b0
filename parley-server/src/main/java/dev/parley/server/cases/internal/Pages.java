package dev.parley.server.cases.internal;

import dev.parley.server.shared.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Pages of the cases API: {@code {"items", "next"}}, with cursors that hold the last item's time and id. */
final class Pages {
    private Pages() {}

    /** A page of items and the cursor of the next page (null on the last). */
    record Page<T>(List<T> items, @Nullable String next) {}

    /** A position after which a page resumes. */
    record Position(Instant at, String id) {}

    /** The page size: 50 when absent, else between 1 and 200. */
    static int limit(@Nullable Integer limit) {
        if (limit == null) {
            return 50;
        }
        if (limit < 1 || limit > 200) {
            throw ProblemException.invalid("limit: between 1 and 200");
        }
        return limit;
    }

    /** The cursor after an item at {@code at} with {@code id}. */
    static String cursor(Instant at, String id) {
        String raw = at.getEpochSecond() + "." + at.getNano() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor holds; {@code 400} for a cursor this server did not give out. */
    static @Nullable Position position(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            String[] time = raw.substring(0, bar).split("\\.");
            return new Position(
                    Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1])), raw.substring(bar + 1));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor: not a cursor this server gave out");
        }
    }

    /** The page of the first {@code limit} of {@code rows} (fetched one more than the limit). */
    static <R, T> Page<T> of(
            List<R> rows,
            int limit,
            java.util.function.Function<R, T> view,
            java.util.function.Function<R, Instant> at,
            java.util.function.Function<R, String> id) {
        List<T> items = rows.stream().limit(limit).map(view).toList();
        String next = null;
        if (rows.size() > limit) {
            R last = rows.get(limit - 1);
            next = cursor(at.apply(last), id.apply(last));
        }
        return new Page<>(items, next);
    }
}

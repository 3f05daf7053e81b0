package dev.parley.server.cases.internal;

import dev.parley.server.accounts.Actor;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Turns the API's representations into maps as the JSON would have them, for callers inside the server. */
@Component
public class CasesApi {
    private static final TypeReference<Map<String, @Nullable Object>> MAP = new TypeReference<>() {};

    private final ObjectMapper json;
    private final QueueTimes times;

    CasesApi(ObjectMapper json, QueueTimes times) {
        this.json = json;
        this.times = times;
    }

    /** The JSON object {@code value} is written as, as a map. */
    public Map<String, @Nullable Object> map(Object value) {
        return json.convertValue(value, MAP);
    }

    /** The waiting times of every review queue, for a reviewer. */
    public Object waits(Actor actor) {
        return times.waits(actor);
    }
}

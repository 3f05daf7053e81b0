package dev.parley.server.cases;

import dev.parley.server.accounts.Actor;
import dev.parley.server.cases.internal.DisputesApi;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Disputes and the e-mail outbox for callers inside the server (the pages): the same checks, refusals (thrown as the
 * API's problems) and representations (maps as the JSON would have them) as {@code
 * /api/v1/conversations/{id}/disputes}, {@code /api/v1/review/disputes/…} and {@code /api/v1/review/outbox}.
 */
@Service
public class Disputes {
    private final DisputesApi api;

    Disputes(DisputesApi api) {
        this.api = api;
    }

    /** {@code POST /conversations/{id}/disputes}. */
    public Map<String, @Nullable Object> open(Actor actor, String conversationId, @Nullable String reason) {
        return api.open(actor, conversationId, reason);
    }

    /** {@code GET /conversations/{id}/disputes}: newest first. */
    public List<Map<String, @Nullable Object>> ofConversation(Actor actor, String conversationId) {
        return api.ofConversation(actor, conversationId);
    }

    /** {@code GET /review/disputes}. */
    public Cases.Page queue(Actor actor, @Nullable String status, @Nullable String shopId, Cases.Paging paging) {
        return api.queue(actor, status, shopId, paging);
    }

    /** {@code POST /review/disputes/{id}/take}. */
    public Map<String, @Nullable Object> take(Actor actor, String disputeId) {
        return api.take(actor, disputeId);
    }

    /** {@code POST /review/disputes/{id}/decide}. */
    public Map<String, @Nullable Object> decide(
            Actor actor, String disputeId, @Nullable String outcome, @Nullable String decision) {
        return api.decide(actor, disputeId, outcome, decision);
    }

    /** {@code GET /review/outbox}. */
    public Cases.Page outbox(Actor actor, @Nullable String to, @Nullable String status, Cases.Paging paging) {
        return api.outbox(actor, to, status, paging);
    }
}

package dev.parley.server.cases.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.cases.Cases;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The bridge from {@link dev.parley.server.cases.Disputes} to the disputes and the outbox, as JSON maps. */
@Component
public class DisputesApi {
    private final Arbitration arbitration;
    private final Outbox outbox;
    private final CasesApi json;

    DisputesApi(Arbitration arbitration, Outbox outbox, CasesApi json) {
        this.arbitration = arbitration;
        this.outbox = outbox;
        this.json = json;
    }

    /** See {@link dev.parley.server.cases.Disputes#open}. */
    public Map<String, @Nullable Object> open(Actor actor, String conversationId, @Nullable String reason) {
        return json.map(arbitration.open(actor, conversationId, reason));
    }

    /** See {@link dev.parley.server.cases.Disputes#ofConversation}. */
    public List<Map<String, @Nullable Object>> ofConversation(Actor actor, String conversationId) {
        return arbitration.ofConversation(actor, conversationId).stream()
                .map(json::map)
                .toList();
    }

    /** See {@link dev.parley.server.cases.Disputes#queue}. */
    public Cases.Page queue(Actor actor, @Nullable String status, @Nullable String shopId, Cases.Paging paging) {
        return page(arbitration.queue(actor, status, shopId, paging.cursor(), paging.limit()));
    }

    /** See {@link dev.parley.server.cases.Disputes#take}. */
    public Map<String, @Nullable Object> take(Actor actor, String disputeId) {
        return json.map(arbitration.take(actor, disputeId));
    }

    /** See {@link dev.parley.server.cases.Disputes#decide}. */
    public Map<String, @Nullable Object> decide(
            Actor actor, String disputeId, @Nullable String outcome, @Nullable String decision) {
        return json.map(arbitration.decide(actor, disputeId, outcome, decision));
    }

    /** See {@link dev.parley.server.cases.Disputes#outbox}. */
    public Cases.Page outbox(Actor actor, @Nullable String to, @Nullable String status, Cases.Paging paging) {
        return page(outbox.page(actor, to, status, paging.cursor(), paging.limit()));
    }

    private Cases.Page page(Pages.Page<?> page) {
        return new Cases.Page(page.items().stream().map(json::map).toList(), page.next());
    }
}

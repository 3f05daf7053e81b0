package dev.parley.server.accounts;

import dev.parley.server.accounts.internal.AuditStore;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The append-only audit log of personal data (architecture.md: every read of a buyer's personal data is audited):
 * modules write an entry for each disclosure, export and erasure; platform reviewers query it.
 */
@Service
public class AuditLog {
    private final AuditStore store;

    AuditLog(AuditStore store) {
        this.store = store;
    }

    /** What happened, as the caller knows it; the log adds the id, the time and the actor's role. */
    public record Event(
            String action,
            @Nullable String shopId,
            String subjectId,
            List<String> fields,
            @Nullable String orderId,
            @Nullable String purpose,
            @Nullable String ip,
            @Nullable String detail) {}

    /** The filters of a query (each optional) and the page to read. */
    public record Query(
            @Nullable String subjectId,
            @Nullable String actorId,
            @Nullable String shopId,
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable String cursor,
            int limit) {}

    /** A page of entries, newest first, and the cursor of the next page (null on the last). */
    public record Page(List<AuditEntry> items, @Nullable String next) {}

    /** Writes an entry for what {@code actor} did, in the caller's transaction. */
    public AuditEntry record(Actor actor, Event event) {
        return store.insert(event, actor.userId(), roleOf(actor, event.shopId()), actor.tokenId());
    }

    /** Writes an entry for what the platform itself did (an erasure the operator forwarded, for instance). */
    public AuditEntry recordSystem(Event event, @Nullable String actorId, String actorRole) {
        return store.insert(event, actorId, actorRole, null);
    }

    /** The entries that match, newest first. */
    public Page query(Query query) {
        return store.query(query);
    }

    /** Every entry about {@code subjectId}, oldest first (for the subject's export). */
    public List<AuditEntry> about(String subjectId) {
        return store.about(subjectId);
    }

    private static String roleOf(Actor actor, @Nullable String shopId) {
        if (actor.platformRole() != null) {
            return actor.platformRole().apiName();
        }
        if (actor.isBuyer()) {
            return "buyer";
        }
        String role = shopId == null
                ? "seller"
                : actor.roleIn(shopId).map(ShopRole::apiName).orElse("seller");
        return actor.isApiClient() ? "api_token:" + role : role;
    }
}

package dev.parley.server.accounts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit log: who read or changed whose personal data, acting for which shop, which fields, for which
 * order and purpose, when, with which token and from which address.
 *
 * @param action {@code shipping_contact.read}, {@code contact.read}, {@code export} or {@code erasure}
 * @param actorId the user who acted (null for an API token that acts for no member, or the system)
 * @param actorRole {@code buyer}, {@code agent}/{@code admin}/{@code owner} (of {@code shopId}), {@code reviewer},
 *     {@code arbitrator}, {@code operator} or {@code system}
 * @param subjectId the user whose data it was
 * @param fields the fields disclosed or erased
 */
public record AuditEntry(
        String id,
        Instant occurredAt,
        String action,
        @Nullable String actorId,
        String actorRole,
        @Nullable String shopId,
        String subjectId,
        List<String> fields,
        @Nullable String orderId,
        @Nullable String purpose,
        @Nullable String tokenId,
        @Nullable String ip,
        @Nullable String detail) {

    public AuditEntry {
        fields = List.copyOf(fields);
    }

    /** The entry as the API shows it: every component by its name, in order, nulls included. */
    public Map<String, @Nullable Object> view() {
        Map<String, @Nullable Object> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("occurredAt", occurredAt);
        v.put("action", action);
        v.put("actorId", actorId);
        v.put("actorRole", actorRole);
        v.put("shopId", shopId);
        v.put("subjectId", subjectId);
        v.put("fields", fields);
        v.put("orderId", orderId);
        v.put("purpose", purpose);
        v.put("tokenId", tokenId);
        v.put("ip", ip);
        v.put("detail", detail);
        return v;
    }
}

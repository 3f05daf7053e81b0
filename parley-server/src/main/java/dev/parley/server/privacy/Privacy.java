package dev.parley.server.privacy;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.AuditEntry;
import dev.parley.server.accounts.AuditLog;
import dev.parley.server.accounts.PersonalData;
import dev.parley.server.cases.BuyerCaseRecords;
import dev.parley.server.cases.Cases;
import dev.parley.server.catalog.Catalog;
import dev.parley.server.catalog.Order;
import dev.parley.server.catalog.ShippingAddress;
import dev.parley.server.messaging.BuyerMessageErasure;
import dev.parley.server.messaging.Messaging;
import dev.parley.server.shared.ProblemException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The buyer-privacy operations with their checks and audit entries, for the API and the pages: the shop team's
 * shipping-contact read, the buyer's export, and erasure.
 */
@Service
public class Privacy {
    /** Why a shop's team may read an order's shipping contact. */
    public static final Set<String> PURPOSES = Set.of("fulfilment", "delivery", "returns");

    private static final List<String> ERASED_FIELDS = List.of(
            "legalName",
            "email",
            "phone",
            "password",
            "username",
            "displayName",
            "shippingAddresses",
            "messageTexts",
            "attachments");

    private final Accounts accounts;
    private final AuditLog audit;
    private final Catalog catalog;
    private final Messaging messaging;
    private final BuyerMessageErasure messageErasure;
    private final Cases cases;
    private final BuyerCaseRecords caseRecords;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ObjectMapper json;

    Privacy(
            Accounts accounts,
            AuditLog audit,
            Catalog catalog,
            Messaging messaging,
            BuyerMessageErasure messageErasure,
            Cases cases,
            BuyerCaseRecords caseRecords,
            TransactionTemplate tx,
            Clock clock,
            ObjectMapper json) {
        this.json = json;
        this.accounts = accounts;
        this.audit = audit;
        this.catalog = catalog;
        this.messaging = messaging;
        this.messageErasure = messageErasure;
        this.cases = cases;
        this.caseRecords = caseRecords;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * The buyer's unmasked shipping contact of one of the shop's orders, for a team member with a purpose, written to
     * the audit log: {@code 404} for anyone outside the shop's team and for orders of other shops, {@code 403} for
     * platform staff, buyers and API tokens, {@code 400} without a known purpose.
     */
    public Map<String, @Nullable Object> shippingContact(
            Actor actor, String shopId, String orderId, @Nullable String purpose, @Nullable String ip) {
        if (actor.isStaff() || actor.isBuyer()) {
            throw ProblemException.forbidden("only the shop's team reads the shipping contact of its orders");
        }
        if (actor.roleIn(shopId).isEmpty()) {
            throw ProblemException.notFound("no shop '" + shopId + "'");
        }
        if (actor.isApiClient()) {
            throw ProblemException.forbidden("the shipping contact is read by a signed-in team member, not a token");
        }
        if (purpose == null || !PURPOSES.contains(purpose)) {
            throw ProblemException.invalid("purpose: one of "
                    + String.join(", ", PURPOSES.stream().sorted().toList()));
        }
        Order order = catalog.order(orderId)
                .filter(o -> o.shopId().equals(shopId))
                .orElseThrow(() -> ProblemException.notFound("no order '" + orderId + "' in shop '" + shopId + "'"));
        ShippingAddress address = catalog.shippingAddress(orderId)
                .orElseThrow(() -> ProblemException.notFound("order '" + orderId + "' has no shipping address (yet)"));
        String buyerName =
                accounts.user(order.buyerId()).map(u -> u.displayName()).orElse(order.buyerId());
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("orderId", orderId);
        body.put("shopId", shopId);
        body.put("buyer", Map.of("id", order.buyerId(), "displayName", buyerName));
        body.put("name", address.name());
        body.put("line1", address.line1());
        body.put("line2", address.line2());
        body.put("city", address.city());
        body.put("postalCode", address.postalCode());
        body.put("country", address.country());
        body.put("phone", address.phone());
        List<String> fields = new ArrayList<>();
        for (String f : List.of("name", "line1", "line2", "city", "postalCode", "country", "phone")) {
            if (body.get(f) != null) {
                fields.add(f);
            }
        }
        AuditEntry entry = tx.execute(s -> audit.record(
                actor,
                new AuditLog.Event(
                        "shipping_contact.read", shopId, order.buyerId(), fields, orderId, purpose, ip, null)));
        body.put("purpose", purpose);
        body.put("auditId", entry == null ? null : entry.id());
        return body;
    }

    /** Everything Parley holds about the signed-in buyer, as one JSON document; the export itself is audited. */
    public Map<String, @Nullable Object> export(Actor actor, @Nullable String ip) {
        String buyerId = requireBuyer(actor);
        PersonalData data =
                accounts.personalData(buyerId).orElseThrow(() -> ProblemException.notFound("no such account"));
        tx.executeWithoutResult(s -> audit.record(
                actor,
                new AuditLog.Event(
                        "export",
                        null,
                        buyerId,
                        List.of("account", "orders", "conversations", "attachments", "reports", "auditLog"),
                        null,
                        "export",
                        ip,
                        null)));
        Map<String, @Nullable Object> account = new LinkedHashMap<>();
        account.put("id", data.id());
        account.put("username", data.username());
        account.put("displayName", data.displayName());
        account.put("legalName", data.legalName());
        account.put("email", data.email());
        account.put("phone", data.phone());
        account.put("createdAt", data.createdAt());
        List<Map<String, @Nullable Object>> orders = new ArrayList<>();
        for (Catalog.BuyerOrder o : catalog.ordersOf(buyerId)) {
            Map<String, @Nullable Object> v = new LinkedHashMap<>();
            v.put("id", o.order().id());
            v.put("shopId", o.order().shopId());
            v.put("status", o.order().status());
            v.put("placedAt", o.order().placedAt());
            v.put("lines", o.order().lines());
            v.put("shippingAddress", o.shippingAddress());
            orders.add(v);
        }
        List<Map<String, @Nullable Object>> conversations = new ArrayList<>();
        List<Map<String, @Nullable Object>> attachments = new ArrayList<>();
        String cursor = null;
        do {
            Messaging.Page page =
                    messaging.conversations(actor, new Messaging.Filter(cursor, 200, null, null, null, null, null));
            for (Map<String, @Nullable Object> c : page.items()) {
                Map<String, @Nullable Object> v = new LinkedHashMap<>(c);
                List<Map<String, @Nullable Object>> messages = new ArrayList<>();
                String after = null;
                do {
                    Messaging.Page mp = messaging.messages(actor, String.valueOf(c.get("id")), after, 200);
                    messages.addAll(mp.items());
                    after = mp.next();
                } while (after != null);
                for (Map<String, @Nullable Object> m : messages) {
                    if ("buyer".equals(m.get("sender")) && m.get("attachments") != null) {
                        List<?> files = json.convertValue(m.get("attachments"), List.class);
                        for (Object f : files) {
                            if (f instanceof Map<?, ?> file) {
                                Map<String, @Nullable Object> a = new LinkedHashMap<>();
                                file.forEach((k, val) -> a.put(String.valueOf(k), val));
                                a.put("messageId", m.get("id"));
                                a.put("conversationId", c.get("id"));
                                attachments.add(a);
                            }
                        }
                    }
                }
                v.put("messages", messages);
                conversations.add(v);
            }
            cursor = page.next();
        } while (cursor != null);
        List<Map<String, @Nullable Object>> reports = new ArrayList<>();
        String reportCursor = null;
        do {
            Cases.Page page = cases.myReports(actor, new Cases.Paging(reportCursor, 200));
            reports.addAll(page.items());
            reportCursor = page.next();
        } while (reportCursor != null);
        Map<String, @Nullable Object> export = new LinkedHashMap<>();
        export.put("exportedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS));
        export.put("format", "parley-buyer-export/1");
        export.put("account", account);
        export.put("orders", orders);
        export.put("conversations", conversations);
        export.put("attachments", attachments);
        export.put("buyerReports", reports);
        export.put(
                "auditLog", audit.about(buyerId).stream().map(AuditEntry::view).toList());
        return export;
    }

    /** The signed-in buyer's own erasure, confirmed with their password; their tokens stop working. */
    public Map<String, @Nullable Object> eraseSelf(Actor actor, @Nullable String password, @Nullable String ip) {
        String buyerId = requireBuyer(actor);
        if (password == null || password.isEmpty()) {
            throw ProblemException.invalid("password: confirm the erasure with your password");
        }
        if (!accounts.passwordMatches(buyerId, password)) {
            throw ProblemException.forbidden("the password is wrong");
        }
        return erase(buyerId, actor, ip, "the buyer's own request");
    }

    /** The operator's erasure of a buyer (a deletion request the marketplace forwards). Idempotent. */
    public Map<String, @Nullable Object> eraseByOperator(
            Actor actor, String userId, @Nullable String reason, @Nullable String ip) {
        if (!actor.is(dev.parley.server.accounts.PlatformRole.OPERATOR)) {
            throw ProblemException.forbidden("only the platform's operators use the integration API");
        }
        PersonalData data =
                accounts.personalData(userId).orElseThrow(() -> ProblemException.notFound("no user '" + userId + "'"));
        if (data.kind() != Actor.Kind.BUYER) {
            throw new ProblemException(
                    409, "conflict", "Conflict", "user '" + userId + "' is not a buyer: only buyers are erased here");
        }
        return erase(userId, actor, ip, reason == null || reason.isBlank() ? "the operator's request" : reason);
    }

    private Map<String, @Nullable Object> erase(String buyerId, Actor actor, @Nullable String ip, String reason) {
        Map<String, @Nullable Object> result = tx.execute(s -> {
            List<String> evidence = caseRecords.evidenceMessageIds(buyerId);
            BuyerMessageErasure.Result messages = messageErasure.erase(buyerId, evidence);
            int addresses = catalog.eraseShippingAddresses(buyerId);
            Accounts.Erasure erasure = accounts.erase(buyerId);
            int reports = caseRecords.pseudonymise(buyerId, erasure.pseudonym());
            int notices = caseRecords.eraseNotices(buyerId);
            Map<String, @Nullable Object> body = new LinkedHashMap<>();
            body.put("userId", buyerId);
            body.put("pseudonym", erasure.pseudonym());
            body.put("alreadyErased", !erasure.erasedNow());
            body.put("messagesRedacted", messages.messages());
            body.put("attachmentsDeleted", messages.attachments());
            body.put("shippingAddressesRemoved", addresses);
            body.put("evidencePseudonymised", reports);
            body.put("evidenceKept", evidence.size());
            body.put("noticesErased", notices);
            if (erasure.erasedNow()) {
                body.put(
                        "auditId",
                        audit.record(
                                        actor,
                                        new AuditLog.Event(
                                                "erasure",
                                                null,
                                                buyerId,
                                                ERASED_FIELDS,
                                                null,
                                                "erasure",
                                                ip,
                                                reason + "; messages=" + messages.messages() + ", attachments="
                                                        + messages.attachments() + ", orders=" + addresses
                                                        + ", evidence reports=" + reports))
                                .id());
            }
            return body;
        });
        return result == null ? Map.of() : result;
    }

    private static String requireBuyer(Actor actor) {
        if (!actor.isBuyer() || actor.userId() == null) {
            throw ProblemException.forbidden("only buyers export or erase their own data here");
        }
        return actor.userId();
    }
}

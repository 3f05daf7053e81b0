package dev.parley.server.moderation.internal;

import dev.parley.core.policy.Action;
import dev.parley.core.policy.Attachment;
import dev.parley.core.policy.CheckRequest;
import dev.parley.core.policy.PolicyChecker;
import dev.parley.core.policy.Verdict;
import dev.parley.core.policy.Violation;
import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.ShopInfo;
import dev.parley.server.catalog.Catalog;
import dev.parley.server.catalog.Product;
import dev.parley.server.messaging.SellerDraft;
import dev.parley.server.messaging.SellerMessageLog;
import dev.parley.server.moderation.PolicySettings;
import dev.parley.server.shared.ProblemException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Runs a candidate policy and the active one over the stored seller messages of the last days, newest first, each
 * with the context it was judged in (the conversation's listing as it is now, the buyer's text before it, whether the
 * buyer had written, its attachments, and the shop's texts to other buyers before it), and reports the messages whose
 * action or rules would change. Pages of 200 messages, at most {@code parley.policy.dry-run.max-messages} examined
 * and {@code timeout} spent, one dry run at a time per node.
 */
@Component
class PolicyDryRun {
    private static final int PAGE = 200;

    private final SellerMessageLog log;
    private final RepeatHistory history;
    private final Catalog catalog;
    private final Accounts accounts;
    private final PolicySettings.DryRun settings;
    private final PolicyMetrics metrics;
    private final Clock clock;
    private final Semaphore running = new Semaphore(1);

    PolicyDryRun(
            SellerMessageLog log,
            RepeatHistory history,
            Catalog catalog,
            Accounts accounts,
            PolicySettings settings,
            PolicyMetrics metrics,
            Clock clock) {
        this.log = log;
        this.history = history;
        this.catalog = catalog;
        this.accounts = accounts;
        this.settings = settings.dryRun();
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What a dry run was asked: the last {@code days} days, one shop or all, at most {@code limit} messages. */
    record Request(int days, @Nullable String shopId, int limit) {}

    /** One message whose verdict would change. */
    record Change(
            String messageId,
            String conversationId,
            String shopId,
            Instant sentAt,
            String status,
            @Nullable String storedAction,
            @Nullable String storedPolicyVersion,
            String oldAction,
            String newAction,
            List<String> rulesAdded,
            List<String> rulesRemoved) {}

    /** The bounds a request may ask for. */
    PolicySettings.DryRun settings() {
        return settings;
    }

    /** Runs {@code candidate} against {@code active}; {@code 429} while another dry run works on this node. */
    Map<String, Object> run(CompiledPolicy candidate, ActivePolicy.Installed active, Request request) {
        if (!running.tryAcquire()) {
            throw new ProblemException(
                            429, "rate_limited", "Busy", "another dry run is working on this node; try again shortly")
                    .header("Retry-After", "5");
        }
        long started = System.nanoTime();
        try {
            return runAlone(candidate, active, request, started);
        } finally {
            running.release();
            metrics.dryRun(System.nanoTime() - started);
        }
    }

    private Map<String, Object> runAlone(
            CompiledPolicy candidate, ActivePolicy.Installed active, Request request, long started) {
        Instant until = clock.instant();
        Instant from = until.minus(Duration.ofDays(request.days()));
        long deadline = started + settings.timeout().toNanos();
        PolicyChecker before = active.checker();
        PolicyChecker after = candidate.checker();
        Map<String, Optional<Product>> products = new HashMap<>();
        Map<String, Optional<String>> regions = new HashMap<>();
        Map<String, Integer> transitions = new TreeMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String key : List.of(
                "changed",
                "actionChanged",
                "rulesChangedOnly",
                "newlyBlocked",
                "newlyHeld",
                "newlyWarned",
                "noLongerBlocked",
                "noLongerHeld",
                "noLongerWarned")) {
            counts.put(key, 0);
        }
        List<Change> items = new ArrayList<>();
        int examined = 0;
        int missingAttachments = 0;
        String cappedBy = null;
        Instant oldestExamined = null;
        SellerMessageLog.Position position = null;
        pages:
        while (true) {
            int want = Math.min(PAGE, request.limit() - examined);
            if (want == 0) {
                if (!log.page(from, until, request.shopId(), position, 1).isEmpty()) {
                    cappedBy = "messages";
                }
                break;
            }
            List<SellerMessageLog.Stored> page = log.page(from, until, request.shopId(), position, want);
            for (SellerMessageLog.Stored m : page) {
                if (System.nanoTime() > deadline) {
                    cappedBy = "time";
                    break pages;
                }
                Product product = m.productId() == null
                        ? null
                        : products.computeIfAbsent(m.productId(), catalog::product)
                                .orElse(null);
                String region = regions.computeIfAbsent(
                                m.shopId(), id -> accounts.shop(id).map(ShopInfo::region))
                        .orElse(null);
                List<Attachment> attachments = new ArrayList<>();
                for (SellerDraft.File f : m.attachments()) {
                    try {
                        attachments.add(PolicyScreening.attachment(f));
                    } catch (UncheckedIOException gone) {
                        missingAttachments++;
                    }
                }
                missingAttachments += m.missingAttachments();
                List<String> recent = before.advertising(m.text()) || after.advertising(m.text())
                        ? history.recentFor(m.shopId(), m.conversationId(), m.text(), m.sentAt(), m.messageId())
                        : List.of();
                CheckRequest checkRequest = PolicyScreening.request(
                        m.text(), m.buyerInitiated(), product, attachments, m.buyerText(), recent, region);
                Verdict old = before.check(checkRequest);
                Verdict now = after.check(checkRequest);
                examined++;
                oldestExamined = m.sentAt();
                compare(m, old, now, counts, transitions, items);
                position = m.position();
            }
            if (page.size() < want) {
                break;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("candidateVersion", candidate.version());
        out.put("activeVersion", active.version());
        out.put("activeSeq", active.seq());
        out.put("days", request.days());
        out.put("from", from);
        out.put("until", until);
        out.put("shopId", request.shopId());
        out.put("limit", request.limit());
        out.put("examined", examined);
        out.put("oldestExamined", oldestExamined);
        out.put("capped", cappedBy != null);
        out.put("cappedBy", cappedBy);
        out.put("missingAttachments", missingAttachments);
        out.put("counts", counts);
        out.put("transitions", transitions);
        out.put("items", items);
        out.put("itemsCapped", counts.get("changed") > items.size());
        out.put("elapsedMs", Duration.ofNanos(System.nanoTime() - started).toMillis());
        return out;
    }

    private void compare(
            SellerMessageLog.Stored m,
            Verdict old,
            Verdict now,
            Map<String, Integer> counts,
            Map<String, Integer> transitions,
            List<Change> items) {
        TreeSet<String> oldRules = rules(old);
        TreeSet<String> newRules = rules(now);
        boolean actionChanged = old.action() != now.action();
        if (!actionChanged && oldRules.equals(newRules)) {
            return;
        }
        counts.merge("changed", 1, Integer::sum);
        if (actionChanged) {
            counts.merge("actionChanged", 1, Integer::sum);
            transitions.merge(old.action() + "->" + now.action(), 1, Integer::sum);
            count(counts, old.action(), now.action(), Action.BLOCK, "Blocked");
            count(counts, old.action(), now.action(), Action.HOLD, "Held");
            count(counts, old.action(), now.action(), Action.WARN, "Warned");
        } else {
            counts.merge("rulesChangedOnly", 1, Integer::sum);
        }
        if (items.size() < settings.maxItems()) {
            TreeSet<String> added = new TreeSet<>(newRules);
            added.removeAll(oldRules);
            TreeSet<String> removed = new TreeSet<>(oldRules);
            removed.removeAll(newRules);
            items.add(new Change(
                    m.messageId(),
                    m.conversationId(),
                    m.shopId(),
                    m.sentAt(),
                    m.status().name(),
                    m.action(),
                    m.policyVersion(),
                    old.action().name(),
                    now.action().name(),
                    List.copyOf(added),
                    List.copyOf(removed)));
        }
    }

    private static void count(Map<String, Integer> counts, Action old, Action now, Action which, String name) {
        if (now == which && old != which) {
            counts.merge("newly" + name, 1, Integer::sum);
        } else if (old == which && now != which) {
            counts.merge("noLonger" + name, 1, Integer::sum);
        }
    }

    /** The rules of a verdict, with the kind where the rule has kinds ({@code off_platform_contact/phone}). */
    private static TreeSet<String> rules(Verdict verdict) {
        TreeSet<String> out = new TreeSet<>();
        for (Violation v : verdict.violations()) {
            out.add(v.kind() == null ? v.rule().id() : v.rule().id() + "/" + v.kind());
        }
        return out;
    }
}

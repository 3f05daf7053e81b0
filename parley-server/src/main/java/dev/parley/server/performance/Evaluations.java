package dev.parley.server.performance;

import dev.parley.core.evaluation.EvaluationSettings;
import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.performance.internal.EvaluationComputer;
import dev.parley.server.performance.internal.EvaluationStore;
import dev.parley.server.performance.internal.EvaluationStore.Header;
import dev.parley.server.performance.internal.EvaluationStore.ShopState;
import dev.parley.server.performance.internal.PolicyHistory;
import dev.parley.server.performance.internal.ZoneHistory;
import dev.parley.server.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A shop's stored evaluations and its current figures, for the API and the pages. Who may read them: the shop's team
 * (any role), the shop's API tokens with {@code messages:read}, and platform staff.
 */
@Service
public class Evaluations {
    /** The default page size. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest page size. */
    public static final int MAX_LIMIT = 200;

    private final Accounts accounts;
    private final EvaluationStore store;
    private final EvaluationComputer computer;
    private final PolicyHistory policies;
    private final ZoneHistory zones;
    private final Clock clock;

    Evaluations(
            Accounts accounts,
            EvaluationStore store,
            EvaluationComputer computer,
            PolicyHistory policies,
            ZoneHistory zones,
            Clock clock) {
        this.accounts = accounts;
        this.store = store;
        this.computer = computer;
        this.policies = policies;
        this.zones = zones;
        this.clock = clock;
    }

    /**
     * Throws the API's refusal unless {@code actor} may read the evaluations of {@code shopId}: {@code 404} for an
     * unknown shop or a seller of another shop, {@code 403 unauthorized_client} for another shop's API token, {@code
     * 403} for buyers and for a token without {@code messages:read}.
     */
    public void requireReader(Actor actor, String shopId) {
        if (accounts.shop(shopId).isEmpty()) {
            throw noShop(shopId);
        }
        if (actor.isStaff()) {
            return;
        }
        if (actor.isApiClient()) {
            if (!shopId.equals(actor.apiTokenShopId())) {
                throw ProblemException.rule(
                        403,
                        "unauthorized_client",
                        "Unauthorized client",
                        "this token may not reach this shop (clause 3.7)",
                        "unauthorized_client",
                        null,
                        "3.7");
            }
            if (!actor.mayRead(shopId)) {
                throw ProblemException.forbidden("this token lacks the scope " + Actor.READ);
            }
            return;
        }
        if (actor.isBuyer()) {
            throw ProblemException.forbidden("only the shop's team and platform staff read its evaluations");
        }
        if (actor.roleIn(shopId).isEmpty()) {
            throw noShop(shopId);
        }
    }

    /**
     * A page of the shop's evaluations, latest revision per instant, newest first, without explanations; {@code
     * cursor} is the {@code next} of the page before. {@code 400} for a bad cursor or limit.
     */
    @Transactional(readOnly = true)
    public EvaluationPage page(String shopId, @Nullable String cursor, @Nullable Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalid("limit must be between 1 and " + MAX_LIMIT);
        }
        Instant before = null;
        if (cursor != null && !cursor.isEmpty()) {
            try {
                before = Instant.ofEpochMilli(Long.parseLong(cursor));
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("cursor: not a cursor of this list");
            }
        }
        List<Header> rows = store.page(shopId, before, size + 1);
        List<ShopEvaluation> items = new ArrayList<>();
        for (Header h : rows.subList(0, Math.min(size, rows.size()))) {
            items.add(new ShopEvaluation(
                    shopId,
                    h.toEvaluation(List.of(), List.of()),
                    h.revision(),
                    h.revision(),
                    h.cause(),
                    h.computedAt()));
        }
        String next = rows.size() > size
                ? String.valueOf(
                        items.getLast().evaluation().evaluatedAt().toInstant().toEpochMilli())
                : null;
        return new EvaluationPage(items, next);
    }

    /** The evaluation at {@code evaluatedAt} with its explanation: the latest revision, or {@code revision}. */
    @Transactional(readOnly = true)
    public Optional<ShopEvaluation> find(String shopId, Instant evaluatedAt, @Nullable Integer revision) {
        Optional<Header> latest = store.latest(shopId, evaluatedAt);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Optional<Header> found = revision == null || revision == latest.get().revision()
                ? latest
                : store.revision(shopId, evaluatedAt, revision);
        return found.map(h -> new ShopEvaluation(
                shopId,
                h.toEvaluation(
                        store.assessed(shopId, evaluatedAt, h.revision()),
                        store.skipped(shopId, evaluatedAt, h.revision())),
                h.revision(),
                latest.get().revision(),
                h.cause(),
                h.computedAt()));
    }

    /** The figures so far of the shop's open period, explained, under the zone and policy of that period. */
    @Transactional(readOnly = true)
    public CurrentPeriod current(String shopId) {
        Instant now = clock.instant();
        Optional<ShopState> state = store.shop(shopId);
        ZoneId zone;
        EvaluationSettings settings;
        if (state.isPresent() && open(state.get(), now)) {
            zone = ZoneId.of(state.get().zone());
            settings = policies.settings(state.get().policyVersion());
        } else {
            zone = zones.at(shopId, now);
            settings = policies.at(now);
        }
        return new CurrentPeriod(shopId, now, computer.current(shopId, now, zone, settings));
    }

    private static boolean open(ShopState s, Instant now) {
        return s.periodStart() != null
                && s.nextInstant() != null
                && s.zone() != null
                && s.policyVersion() != null
                && s.periodStart().isBefore(now)
                && now.isBefore(s.nextInstant());
    }

    private static ProblemException noShop(String shopId) {
        return ProblemException.notFound("no shop '" + shopId + "'");
    }
}

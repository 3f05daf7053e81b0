package dev.parley.server.messaging;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.ShopInfo;
import dev.parley.server.accounts.ShopRole;
import dev.parley.server.messaging.internal.QuickReplyStore;
import dev.parley.server.shared.LimitsSettings;
import dev.parley.server.shared.ProblemException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A shop's quick replies: saved answers its agents insert while they write. Every member reads them; the admins and
 * the owner add and delete them. Each is checked when saved: a {@code BLOCK} verdict is refused ({@code 422
 * quick_reply_blocked}, with rule, kind, clause and verdict), a {@code WARN} or {@code HOLD} one is kept and shown as
 * such; like any message, it is checked again when sent.
 */
@Service
public class QuickReplies {
    private static final String SHORTCUT = "[\\p{L}\\p{N}_-]{1,32}";
    private final QuickReplyStore store;
    private final MessageScreening screening;
    private final Accounts accounts;
    private final LimitsSettings limits;

    QuickReplies(QuickReplyStore store, MessageScreening screening, Accounts accounts, LimitsSettings limits) {
        this.store = store;
        this.screening = screening;
        this.accounts = accounts;
        this.limits = limits;
    }

    /**
     * A saved reply.
     *
     * @param shortcut what an agent types after {@code /} to insert it
     * @param action the verdict's action when it was saved: ALLOW, WARN or HOLD
     */
    public record QuickReply(
            String id,
            String shopId,
            String shortcut,
            String text,
            String action,
            @Nullable VerdictView verdict,
            String createdBy,
            Instant createdAt) {}

    /** The shop's quick replies by shortcut. */
    public List<QuickReply> list(Actor actor, String shopId) {
        requireTeam(actor, shopId);
        return store.list(shopId);
    }

    /** Whether {@code actor} adds and deletes the quick replies of {@code shopId}. */
    public boolean mayManage(Actor actor, String shopId) {
        return !actor.isApiClient()
                && !actor.socketOnly()
                && actor.roleIn(shopId).map(r -> r.atLeast(ShopRole.ADMIN)).orElse(false);
    }

    /** Checks and saves a quick reply. */
    @Transactional
    public QuickReply save(Actor actor, String shopId, String shortcut, String text) {
        requireManage(actor, shopId);
        String key = shortcut.strip();
        if (!key.matches(SHORTCUT)) {
            throw ProblemException.invalid("shortcut: 1 to 32 letters, digits, _ or -");
        }
        if (text.isBlank()) {
            throw ProblemException.invalid("text: a quick reply needs text");
        }
        if (text.length() > limits.maxTextLength()) {
            throw ProblemException.invalid("text: at most " + limits.maxTextLength() + " characters");
        }
        if (store.shortcutTaken(shopId, key)) {
            throw new ProblemException(409, "conflict", "Conflict", "the shortcut '" + key + "' is taken");
        }
        String region = accounts.shop(shopId).map(ShopInfo::region).orElse(null);
        Screening screened = screening.screen(
                new SellerDraft(shopId, null, actor.senderKey(), text, List.of(), null, true, null, region), false);
        VerdictView verdict = screened.verdict();
        VerdictView.ViolationView block = verdict.first("BLOCK");
        if (block != null) {
            throw ProblemException.rule(
                            422,
                            "quick_reply_blocked",
                            "Quick reply blocked",
                            "this reply breaks rule " + block.rule() + " (clause " + block.clause()
                                    + ") and would be blocked when sent; it was not saved",
                            block.rule(),
                            block.kind(),
                            block.clause())
                    .with("verdict", verdict);
        }
        return store.insert(shopId, key, text, verdict, actor.senderKey());
    }

    /** Deletes a quick reply of the shop. */
    @Transactional
    public void delete(Actor actor, String shopId, String id) {
        requireManage(actor, shopId);
        if (!store.delete(shopId, id)) {
            throw ProblemException.notFound("no quick reply '" + id + "' in this shop");
        }
    }

    private void requireTeam(Actor actor, String shopId) {
        if (accounts.shop(shopId).isEmpty() || !actor.mayRead(shopId)) {
            throw ProblemException.notFound("no shop '" + shopId + "'");
        }
    }

    private void requireManage(Actor actor, String shopId) {
        requireTeam(actor, shopId);
        if (!mayManage(actor, shopId)) {
            throw ProblemException.forbidden("only the shop's admins and owner manage quick replies");
        }
    }
}

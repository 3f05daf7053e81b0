package dev.parley.server.moderation.internal;

import dev.parley.core.evaluation.Placeholders;
import dev.parley.core.policy.Attachment;
import dev.parley.core.policy.CheckRequest;
import dev.parley.core.policy.Listing;
import dev.parley.core.policy.PolicyChecker;
import dev.parley.core.policy.Verdict;
import dev.parley.core.policy.Violation;
import dev.parley.server.catalog.Product;
import dev.parley.server.messaging.MessageScreening;
import dev.parley.server.messaging.Screening;
import dev.parley.server.messaging.SellerDraft;
import dev.parley.server.messaging.VerdictView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Screens seller messages with the active policy's checker, with the listing, the buyer's text, the attachments and,
 * for advertising, the shop's texts to other buyers ({@link RepeatHistory}); every verdict carries the version of the
 * policy that gave it.
 */
@Component
class PolicyScreening implements MessageScreening {
    private final ActivePolicy policy;
    private final RepeatHistory history;
    private final PolicyMetrics metrics;
    private final Clock clock;

    PolicyScreening(ActivePolicy policy, RepeatHistory history, PolicyMetrics metrics, Clock clock) {
        this.policy = policy;
        this.history = history;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Screening screen(SellerDraft draft, boolean sent) {
        PolicyChecker checker = policy.current().checker();
        List<String> recent = checker.advertising(draft.text())
                ? history.recentFor(draft.shopId(), draft.conversationId(), draft.text(), clock.instant(), null)
                : List.of();
        CheckRequest request = request(
                draft.text(),
                draft.buyerInitiated(),
                draft.product(),
                draft.attachments().stream().map(PolicyScreening::attachment).toList(),
                draft.buyerText(),
                recent,
                draft.region());
        long start = System.nanoTime();
        Verdict verdict = checker.check(request);
        metrics.checked(verdict, sent, System.nanoTime() - start);
        return new Screening(view(verdict), isPlaceholder(draft.text()));
    }

    @Override
    public boolean isPlaceholder(String text) {
        return !text.isBlank() && Placeholders.isPlaceholder(text);
    }

    /** The core's request for a seller message and its context. */
    static CheckRequest request(
            String text,
            boolean buyerInitiated,
            @Nullable Product product,
            List<Attachment> attachments,
            @Nullable String buyerText,
            List<String> recent,
            @Nullable String region) {
        return new CheckRequest(text, buyerInitiated, listing(product), attachments, buyerText, recent, region);
    }

    static VerdictView view(Verdict verdict) {
        return new VerdictView(
                verdict.action().name(),
                verdict.violations().stream().map(PolicyScreening::view).toList(),
                verdict.policyVersion());
    }

    private static VerdictView.ViolationView view(Violation v) {
        return new VerdictView.ViolationView(
                v.rule().id(), v.clause(), v.kind(), v.action().name(), v.start(), v.end(), v.evidence());
    }

    static @Nullable Listing listing(@Nullable Product p) {
        if (p == null) {
            return null;
        }
        return new Listing(p.language(), p.price(), p.currency(), p.returnDays(), p.freeReturns(), p.warrantyMonths());
    }

    /** Reads an attached file. */
    static Attachment attachment(SellerDraft.File file) {
        try {
            return new Attachment(file.name(), Files.readAllBytes(file.path()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.parley.server.moderation.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import dev.parley.server.moderation.PolicySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Screens seller messages with parley-core's checker, with the listing, the buyer's text and the shop's history. */
@Component
class PolicyScreening implements MessageScreening {
    private final PolicyChecker checker;
    private final int recent;
    private final Cache<String, Deque<String>> history = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    PolicyScreening(PolicySettings settings) {
        this.checker = PolicyChecker.create(settings.toConfig());
        this.recent = settings.recentSellerTexts();
    }

    @Override
    public Screening screen(SellerDraft draft, boolean sent) {
        Deque<String> shopHistory = history.get(draft.shopId(), k -> new ArrayDeque<>());
        List<String> recentTexts;
        synchronized (shopHistory) {
            recentTexts = List.copyOf(shopHistory);
        }
        CheckRequest request = new CheckRequest(
                draft.text(),
                draft.buyerInitiated(),
                listing(draft.product()),
                draft.attachments().stream().map(PolicyScreening::attachment).toList(),
                draft.buyerText(),
                recentTexts,
                draft.region());
        Verdict verdict = checker.check(request);
        if (sent && !draft.text().isBlank()) {
            synchronized (shopHistory) {
                shopHistory.addFirst(draft.text());
                while (shopHistory.size() > recent) {
                    shopHistory.removeLast();
                }
            }
        }
        return new Screening(view(verdict), isPlaceholder(draft.text()));
    }

    @Override
    public boolean isPlaceholder(String text) {
        return !text.isBlank() && Placeholders.isPlaceholder(text);
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

    private static @Nullable Listing listing(@Nullable Product p) {
        if (p == null) {
            return null;
        }
        return new Listing(p.language(), p.price(), p.currency(), p.returnDays(), p.freeReturns(), p.warrantyMonths());
    }

    private static Attachment attachment(SellerDraft.File file) {
        try {
            return new Attachment(file.name(), Files.readAllBytes(file.path()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

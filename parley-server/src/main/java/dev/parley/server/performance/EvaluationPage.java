package dev.parley.server.performance;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of a shop's evaluations (latest revision per instant, newest first) and the cursor of the next one. */
public record EvaluationPage(
        List<ShopEvaluation> items, @Nullable String next) {

    public EvaluationPage {
        items = List.copyOf(items);
    }
}

package dev.parley.server.moderation.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.messaging.Screening;
import dev.parley.server.moderation.DraftChecks;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/policy/check}: the verdict a draft would get, without sending it (the shop's team). */
@RestController
class PolicyCheckController {
    private final DraftChecks checks;

    PolicyCheckController(DraftChecks checks) {
        this.checks = checks;
    }

    record CheckBody(
            @Nullable String text,
            @Nullable @Size(max = 10) List<String> attachmentIds,
            @Nullable String conversationId,
            @Nullable String productId) {}

    @PostMapping("/api/v1/policy/check")
    Map<String, Object> check(@AuthenticationPrincipal Actor actor, @Validated @RequestBody CheckBody body) {
        Screening screened =
                checks.check(actor, body.text(), body.attachmentIds(), body.conversationId(), body.productId());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("verdict", screened.verdict());
        result.put("placeholder", screened.placeholder());
        return result;
    }
}

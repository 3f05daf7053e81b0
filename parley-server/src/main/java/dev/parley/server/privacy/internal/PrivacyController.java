package dev.parley.server.privacy.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.privacy.Privacy;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The buyer-privacy API: the audited shipping-contact read, the buyer's export, and erasure. */
@RestController
@RequestMapping("/api/v1")
class PrivacyController {
    private final Privacy privacy;

    PrivacyController(Privacy privacy) {
        this.privacy = privacy;
    }

    record Confirmation(@Nullable String password) {}

    record OperatorErasure(@Nullable String reason) {}

    @GetMapping("/shops/{shopId}/orders/{orderId}/shipping-contact")
    Map<String, @Nullable Object> shippingContact(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String shopId,
            @PathVariable String orderId,
            @RequestParam(required = false) @Nullable String purpose,
            HttpServletRequest request) {
        return privacy.shippingContact(actor, shopId, orderId, purpose, request.getRemoteAddr());
    }

    @GetMapping("/me/export")
    Map<String, @Nullable Object> export(@AuthenticationPrincipal Actor actor, HttpServletRequest request) {
        return privacy.export(actor, request.getRemoteAddr());
    }

    @PostMapping("/me/erasure")
    Map<String, @Nullable Object> erase(
            @AuthenticationPrincipal Actor actor,
            @RequestBody(required = false) @Nullable Confirmation body,
            HttpServletRequest request) {
        return privacy.eraseSelf(actor, body == null ? null : body.password(), request.getRemoteAddr());
    }

    @PostMapping("/operator/users/{userId}/erasure")
    Map<String, @Nullable Object> eraseByOperator(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String userId,
            @RequestBody(required = false) @Nullable OperatorErasure body,
            HttpServletRequest request) {
        return privacy.eraseByOperator(actor, userId, body == null ? null : body.reason(), request.getRemoteAddr());
    }
}

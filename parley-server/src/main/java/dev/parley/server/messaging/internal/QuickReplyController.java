package dev.parley.server.messaging.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.messaging.QuickReplies;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/shops/{shopId}/quick-replies}: the shop's saved replies (see {@link QuickReplies}). */
@RestController
@RequestMapping("/api/v1/shops/{shopId}/quick-replies")
class QuickReplyController {
    private final QuickReplies quickReplies;

    QuickReplyController(QuickReplies quickReplies) {
        this.quickReplies = quickReplies;
    }

    record NewQuickReply(
            @NotNull @Size(max = 32) String shortcut,
            @NotNull String text) {}

    @Operation(summary = "The shop's quick replies (every team member)")
    @GetMapping
    List<QuickReplies.QuickReply> list(@AuthenticationPrincipal Actor actor, @PathVariable String shopId) {
        return quickReplies.list(actor, shopId);
    }

    @Operation(summary = "Save a quick reply (admins): checked now, 422 quick_reply_blocked for a BLOCK verdict")
    @PostMapping
    ResponseEntity<QuickReplies.QuickReply> save(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String shopId,
            @Validated @RequestBody NewQuickReply body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(quickReplies.save(actor, shopId, body.shortcut(), body.text()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @AuthenticationPrincipal Actor actor, @PathVariable String shopId, @PathVariable String id) {
        quickReplies.delete(actor, shopId, id);
        return ResponseEntity.noContent().build();
    }
}

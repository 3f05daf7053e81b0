package dev.parley.server.messaging.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.shared.LimitsSettings;
import dev.parley.server.shared.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Conversations and messages: {@code /api/v1/conversations}. */
@RestController
@RequestMapping(value = "/api/v1/conversations", produces = MediaType.APPLICATION_JSON_VALUE)
class ConversationController {
    private final MessagingService messaging;
    private final LimitsSettings limits;

    ConversationController(MessagingService messaging, LimitsSettings limits) {
        this.messaging = messaging;
        this.limits = limits;
    }

    @Operation(
            summary = "Open a conversation with a shop (buyers only)",
            requestBody = @RequestBody(description = "{\"shopId\", \"productId\"?, \"orderId\"?, \"text\"}"))
    @PostMapping
    ResponseEntity<Object> open(@AuthenticationPrincipal Actor actor, HttpServletRequest request) {
        return respond(messaging.open(actor, read(request)));
    }

    @Operation(summary = "The conversations this user may see, a page at a time")
    @GetMapping
    MessagingService.Page list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable Boolean awaiting,
            @RequestParam(required = false) @Nullable String productId,
            @RequestParam(required = false) @Nullable String orderId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String shopId,
            @RequestParam(required = false) @Nullable String assigneeId) {
        return messaging.conversations(actor, cursor, limit, awaiting, productId, orderId, status, shopId, assigneeId);
    }

    @GetMapping("/{id}")
    Map<String, @Nullable Object> get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return messaging.conversation(actor, id);
    }

    @Operation(summary = "Change status or assignee: {\"status\"?, \"assigneeId\"?}")
    @PatchMapping("/{id}")
    Map<String, @Nullable Object> change(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, HttpServletRequest request) {
        return messaging.change(actor, id, read(request));
    }

    @Operation(summary = "Mark every message of the conversation as read by this user")
    @PostMapping("/{id}/read")
    Map<String, @Nullable Object> read(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return messaging.markRead(actor, id);
    }

    @Operation(summary = "The messages this viewer may see, in the order they became visible")
    @GetMapping("/{id}/messages")
    MessagingService.Page messages(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(required = false) @Nullable Integer limit) {
        return messaging.messages(actor, id, after, limit);
    }

    @Operation(
            summary = "Send a message",
            requestBody =
                    @RequestBody(
                            description = "{\"text\"?, \"attachmentIds\"?, \"card\"?: {\"type\": \"product\"|\"order\","
                                    + " \"id\"}, \"clientMessageId\"?}"))
    @PostMapping("/{id}/messages")
    ResponseEntity<Object> send(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, HttpServletRequest request) {
        return respond(messaging.send(actor, id, () -> read(request)));
    }

    @Operation(summary = "Retract a held message before review (the shop's team)")
    @PostMapping("/{id}/messages/{messageId}/retract")
    Map<String, @Nullable Object> retract(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String messageId) {
        return messaging.retract(actor, id, messageId);
    }

    private ResponseEntity<Object> respond(MessagingService.Outcome outcome) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(outcome.status())
                .contentType(outcome.status() >= 400 ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON);
        if (outcome.replayed()) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.body(outcome.body());
    }

    private byte[] read(HttpServletRequest request) {
        long limit = limits.maxBodyBytes();
        if (request.getContentLengthLong() > limit) {
            throw ProblemException.tooLarge(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) limit + 1);
            if (body.length > limit) {
                throw ProblemException.tooLarge(limit);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

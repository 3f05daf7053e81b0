package dev.parley.server.cases.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.cases.internal.Arbitration.DisputeView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Disputes ({@code /api/v1/conversations/{id}/disputes} for the two sides, {@code /api/v1/review/disputes} for
 * arbitrators) and the e-mail outbox for platform staff ({@code /api/v1/review/outbox}).
 */
@RestController
@RequestMapping(value = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Disputes", description = "escalated conversations, their arbitration, and the e-mail outbox")
class ArbitrationController {
    private final Arbitration arbitration;
    private final Outbox outbox;

    ArbitrationController(Arbitration arbitration, Outbox outbox) {
        this.arbitration = arbitration;
        this.outbox = outbox;
    }

    /** The body of an escalation. */
    record Escalation(@Nullable String reason) {}

    /** The body of a decision. */
    record Decision(@Nullable String outcome, @Nullable String decision) {}

    /** The disputes of one conversation. */
    record DisputeList(List<DisputeView> items) {}

    @Operation(
            summary = "Escalate a conversation to a platform arbitrator (its buyer or the shop's team): {\"reason\"}",
            description = "the conversation becomes ESCALATED; 409 dispute_open, conversation_closed or"
                    + " conversation_escalated; 404 for a conversation you cannot see")
    @PostMapping("/conversations/{conversationId}/disputes")
    @ResponseStatus(HttpStatus.CREATED)
    DisputeView open(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String conversationId,
            @RequestBody(required = false) @Nullable Escalation body) {
        return arbitration.open(actor, conversationId, body == null ? null : body.reason());
    }

    @Operation(summary = "The conversation's disputes and their status, newest first (whoever sees the conversation)")
    @GetMapping("/conversations/{conversationId}/disputes")
    DisputeList ofConversation(@AuthenticationPrincipal Actor actor, @PathVariable String conversationId) {
        return new DisputeList(arbitration.ofConversation(actor, conversationId));
    }

    @Operation(summary = "Disputes, oldest first (arbitrators); ?status=OPEN|TAKEN|DECIDED (default OPEN and TAKEN)")
    @GetMapping("/review/disputes")
    Pages.Page<DisputeView> queue(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String shopId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return arbitration.queue(actor, status, shopId, cursor, limit);
    }

    @Operation(summary = "One dispute (arbitrators)")
    @GetMapping("/review/disputes/{disputeId}")
    DisputeView dispute(@AuthenticationPrincipal Actor actor, @PathVariable String disputeId) {
        return arbitration.dispute(actor, disputeId);
    }

    @Operation(
            summary = "Take a dispute: you become the conversation's arbitrator and write in it as `platform`",
            description = "409 already_taken when another arbitrator has it")
    @PostMapping("/review/disputes/{disputeId}/take")
    DisputeView take(@AuthenticationPrincipal Actor actor, @PathVariable String disputeId) {
        return arbitration.take(actor, disputeId);
    }

    @Operation(
            summary = "Decide a dispute you took: {\"outcome\": \"BUYER_FAVOURED\"|\"SELLER_FAVOURED\"|\"SETTLED\","
                    + " \"decision\"}",
            description = "the decision is posted in the conversation (sender platform), the conversation is OPEN"
                    + " again, the buyer and the shop's owner and admins are e-mailed")
    @PostMapping("/review/disputes/{disputeId}/decide")
    DisputeView decide(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String disputeId,
            @RequestBody(required = false) @Nullable Decision body) {
        return arbitration.decide(
                actor, disputeId, body == null ? null : body.outcome(), body == null ? null : body.decision());
    }

    @Operation(summary = "The e-mail outbox, newest first (reviewers and arbitrators); ?to, status, cursor, limit")
    @GetMapping("/review/outbox")
    Pages.Page<Outbox.MailView> outbox(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return outbox.page(actor, to, status, cursor, limit);
    }
}

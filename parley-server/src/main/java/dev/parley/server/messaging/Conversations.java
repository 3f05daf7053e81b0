package dev.parley.server.messaging;

import dev.parley.server.accounts.Actor;
import dev.parley.server.messaging.internal.MessagingFacade;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** What other modules may do with conversations: read one as a given actor may, and escalate one to an arbitrator. */
@Service
public class Conversations {
    private final MessagingFacade facade;

    Conversations(MessagingFacade facade) {
        this.facade = facade;
    }

    /**
     * The conversation as {@code actor} may see it; throws the API's {@code 404} (or {@code 403 unauthorized_client}
     * for another shop's API token) otherwise.
     */
    public ConversationContext visibleTo(Actor actor, String conversationId) {
        return facade.visibleTo(actor, conversationId);
    }

    /** The conversation with this id, whoever asks (for the platform's own records). */
    public Optional<ConversationContext> find(String conversationId) {
        return facade.find(conversationId);
    }

    /**
     * Puts a conversation under an arbitrator (status {@code ESCALATED}); for the cases module's disputes. With a null
     * {@code arbitratorId} it waits for one: no platform staff may write in it until an arbitrator is set.
     */
    public void escalate(String conversationId, @Nullable String arbitratorId, String by) {
        facade.escalate(conversationId, arbitratorId, by);
    }

    /**
     * Ends an escalation: the conversation takes {@code status} ({@code OPEN} or {@code CLOSED}) and loses its
     * arbitrator; for the cases module when a dispute is decided.
     */
    public void settle(String conversationId, ConversationStatus status, String by) {
        facade.settle(conversationId, status, by);
    }

    /**
     * Posts {@code text} as the {@code platform} message of the conversation's arbitrator, in the caller's transaction
     * (the cases module, when a dispute is decided); the same checks as a send. Returns the message as the API shows it.
     */
    public Map<String, @Nullable Object> postAsArbitrator(Actor arbitrator, String conversationId, String text) {
        MessagingFacade.Answer answer = facade.sendJoined(arbitrator, conversationId, Map.of("text", text));
        if (answer.status() != 201) {
            throw new IllegalStateException(
                    "a platform message was answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    /** The files {@code actor} uploaded and has not sent yet, by id; {@code 400} for an id that is not one. */
    public List<SellerDraft.File> unsentAttachments(Actor actor, List<String> attachmentIds) {
        return facade.unsentAttachments(actor, attachmentIds);
    }
}

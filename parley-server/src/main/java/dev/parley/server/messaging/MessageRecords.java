package dev.parley.server.messaging;

import dev.parley.server.messaging.internal.MessageRecordReader;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Read access to stored messages for the platform's review tools (the cases module): one message, several, a whole
 * conversation, a search over all messages, and the backlog of held messages. It never changes a message.
 */
@Service
public class MessageRecords {
    private final MessageRecordReader reader;

    MessageRecords(MessageRecordReader reader) {
        this.reader = reader;
    }

    /** The message with this id. */
    public Optional<MessageRecord> find(String messageId) {
        return reader.find(messageId);
    }

    /** The messages with these ids that exist, in no particular order. */
    public List<MessageRecord> findAll(Collection<String> messageIds) {
        return reader.findAll(messageIds);
    }

    /** Every message of a conversation, whatever its status, in the order they were created. */
    public List<MessageRecord> conversation(String conversationId) {
        return reader.conversation(conversationId);
    }

    /** The messages that match {@code query}, at most {@code query.limit()}. */
    public List<MessageRecord> search(MessageQuery query) {
        return reader.search(query);
    }

    /** How many messages are held for review, and since when the oldest waits. */
    public Backlog held() {
        return reader.held();
    }

    /**
     * A seller message as the checker would see it if it were sent now (listing, the buyer's latest text before it,
     * region, attachments), so that it can be checked again; empty for another kind of message.
     */
    public Optional<SellerDraft> draftOf(String messageId) {
        return reader.draftOf(messageId);
    }

    /** A number of waiting items and when the oldest began to wait (null when none wait). */
    public record Backlog(long count, @Nullable Instant oldest) {}
}

package dev.parley.server.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A shop's message log as the performance evaluation reads it (evaluation.md, definitions 2 and 3): who wrote each
 * message and when the server accepted it, and the flags that decide whether it counts.
 */
@Service
public class MessageLog {
    private static final String COLUMNS =
            "conversation_id, id, sender, sent_at, automatic, placeholder, status, excluded_by IS NOT NULL";

    private final JdbcClient jdbc;

    MessageLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One message of the log.
     *
     * @param sentAt when the server accepted it; for a held message released later, still when the seller sent it
     * @param automatic sent with a shop API token acting for no team member
     * @param placeholder a seller message that is only a greeting, an acknowledgement, a "please wait" or emoji
     * @param delivered the message is {@code DELIVERED} now (a held message counts once released; blocked, held,
     *     rejected and retracted ones do not)
     * @param excluded a buyer message covered by a verified report
     */
    public record Entry(
            String conversationId,
            String messageId,
            Sender sender,
            Instant sentAt,
            boolean automatic,
            boolean placeholder,
            boolean delivered,
            boolean excluded) {}

    /** Gives {@code consumer} the messages of {@code shopId} sent in {@code (after, until]}, by time then id. */
    public void forEach(String shopId, Instant after, Instant until, Consumer<Entry> consumer) {
        jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE shop_id = ? AND sent_at > ? AND sent_at <= ?"
                        + " ORDER BY sent_at, id")
                .params(shopId, Timestamp.from(after), Timestamp.from(until))
                .query((RowCallbackHandler) rs -> consumer.accept(entry(rs)));
    }

    /** The messages of {@code shopId} sent in {@code (after, until]}, by time then id. */
    public List<Entry> between(String shopId, Instant after, Instant until) {
        List<Entry> entries = new ArrayList<>();
        forEach(shopId, after, until, entries::add);
        return entries;
    }

    /** When the shop's earliest message of any sender was sent, if it has one. */
    public Optional<Instant> earliest(String shopId) {
        return jdbc.sql("SELECT MIN(sent_at) FROM message WHERE shop_id = ?")
                .param(shopId)
                .query((rs, n) -> {
                    Timestamp t = rs.getTimestamp(1);
                    return Optional.ofNullable(t == null ? null : t.toInstant());
                })
                .single();
    }

    /** The ids of the shops that have at least one conversation. */
    public List<String> shops() {
        return jdbc.sql("SELECT DISTINCT shop_id FROM conversation ORDER BY shop_id")
                .query(String.class)
                .list();
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(
                rs.getString(1),
                rs.getString(2),
                Sender.valueOf(rs.getString(3)),
                rs.getTimestamp(4).toInstant(),
                rs.getBoolean(5),
                rs.getBoolean(6),
                MessageStatus.DELIVERED.name().equals(rs.getString(7)),
                rs.getBoolean(8));
    }
}

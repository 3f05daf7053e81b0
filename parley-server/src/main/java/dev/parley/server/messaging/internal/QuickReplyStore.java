package dev.parley.server.messaging.internal;

import dev.parley.server.messaging.QuickReplies.QuickReply;
import dev.parley.server.messaging.VerdictView;
import dev.parley.server.shared.TimeOrderedIds;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Quick replies in the database ({@code quick_reply}). */
@Component
public class QuickReplyStore {
    private final JdbcClient jdbc;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final ObjectMapper json;

    QuickReplyStore(JdbcClient jdbc, TimeOrderedIds ids, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
    }

    /** The shop's quick replies by shortcut. */
    public List<QuickReply> list(String shopId) {
        return jdbc.sql("SELECT id, shop_id, shortcut, text, action, verdict, created_by, created_at FROM quick_reply"
                        + " WHERE shop_id = ? ORDER BY shortcut")
                .param(shopId)
                .query((rs, n) -> new QuickReply(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6) == null ? null : json.readValue(rs.getString(6), VerdictView.class),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** Whether the shop has a quick reply with this shortcut. */
    public boolean shortcutTaken(String shopId, String shortcut) {
        return jdbc.sql("SELECT COUNT(*) FROM quick_reply WHERE shop_id = ? AND shortcut = ?")
                        .params(shopId, shortcut)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Stores a checked quick reply. */
    public QuickReply insert(String shopId, String shortcut, String text, VerdictView verdict, String createdBy) {
        QuickReply reply = new QuickReply(
                ids.next(), shopId, shortcut, text, verdict.action(), verdict, createdBy, Instant.now(clock));
        jdbc.sql("INSERT INTO quick_reply (id, shop_id, shortcut, text, action, verdict, created_by, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        reply.id(),
                        shopId,
                        shortcut,
                        text,
                        reply.action(),
                        json.writeValueAsString(verdict),
                        createdBy,
                        Timestamp.from(reply.createdAt()))
                .update();
        return reply;
    }

    /** Deletes a quick reply of the shop; true when there was one. */
    public boolean delete(String shopId, String id) {
        return jdbc.sql("DELETE FROM quick_reply WHERE shop_id = ? AND id = ?")
                        .params(shopId, id)
                        .update()
                > 0;
    }
}

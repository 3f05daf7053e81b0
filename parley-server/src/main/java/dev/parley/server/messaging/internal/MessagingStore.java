package dev.parley.server.messaging.internal;

import dev.parley.server.messaging.ConversationStatus;
import dev.parley.server.messaging.MessageStatus;
import dev.parley.server.messaging.Sender;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Conversations, messages, attachments and read state in the database. */
@Component
class MessagingStore {
    static final String CONVERSATION_COLUMNS = "c.id, c.shop_id, c.buyer_id, c.product_id, c.order_id, c.status,"
            + " c.open_key, c.assignee_id, c.arbitrator_id, c.created_at, c.last_message_ms, c.last_buyer_ms,"
            + " c.oldest_waiting_ms, c.last_buyer_text, c.event_seq, c.to_buyer_count, c.to_team_count";
    static final String MESSAGE_COLUMNS = "id, shop_id, conversation_id, seq, visible_seq, sender, sender_id,"
            + " sender_key, automatic, text, attachments, card_type, card_id, status, action, verdict, policy_version,"
            + " placeholder, client_message_id, request_hash, response_status, sent_at";
    /** The columns a message is read with: those it is inserted with, and its review. */
    static final String MESSAGE_READ_COLUMNS = MESSAGE_COLUMNS + ", reviewed_at, review_note";

    private final JdbcClient jdbc;

    MessagingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ConversationRow> conversation(String id, boolean lock) {
        return jdbc.sql("SELECT " + CONVERSATION_COLUMNS + " FROM conversation c WHERE c.id = ?"
                        + (lock ? " FOR UPDATE" : ""))
                .param(id)
                .query((rs, n) -> conversation(rs, 0))
                .optional();
    }

    Optional<ConversationRow> conversationWithSeen(String id, String userKey) {
        return jdbc.sql(
                        "SELECT " + CONVERSATION_COLUMNS + ", COALESCE(r.seen_count, 0) FROM conversation c"
                                + " LEFT JOIN conversation_read r ON r.conversation_id = c.id AND r.user_key = ? WHERE c.id = ?")
                .params(userKey, id)
                .query((rs, n) -> conversation(rs, rs.getLong(18)))
                .optional();
    }

    Optional<ConversationRow> openConversation(String openKey) {
        return jdbc.sql("SELECT " + CONVERSATION_COLUMNS + " FROM conversation c WHERE c.open_key = ? FOR UPDATE")
                .param(openKey)
                .query((rs, n) -> conversation(rs, 0))
                .optional();
    }

    void insertConversation(ConversationRow c) {
        jdbc.sql("INSERT INTO conversation (id, shop_id, buyer_id, product_id, order_id, status, open_key, assignee_id,"
                        + " arbitrator_id, created_at, last_message_ms, last_buyer_ms, oldest_waiting_ms, last_buyer_text,"
                        + " event_seq, to_buyer_count, to_team_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?)")
                .params(
                        c.id(),
                        c.shopId(),
                        c.buyerId(),
                        c.productId(),
                        c.orderId(),
                        c.status().name(),
                        c.openKey(),
                        c.assigneeId(),
                        c.arbitratorId(),
                        Timestamp.from(c.createdAt()),
                        c.lastMessageMs(),
                        c.lastBuyerMs(),
                        c.oldestWaitingMs(),
                        c.lastBuyerText(),
                        c.eventSeq(),
                        c.toBuyerCount(),
                        c.toTeamCount())
                .update();
    }

    void updateConversation(ConversationRow c) {
        jdbc.sql("UPDATE conversation SET status = ?, open_key = ?, assignee_id = ?, arbitrator_id = ?,"
                        + " last_message_ms = ?, last_buyer_ms = ?, oldest_waiting_ms = ?, last_buyer_text = ?,"
                        + " event_seq = ?, to_buyer_count = ?, to_team_count = ? WHERE id = ?")
                .params(
                        c.status().name(),
                        c.openKey(),
                        c.assigneeId(),
                        c.arbitratorId(),
                        c.lastMessageMs(),
                        c.lastBuyerMs(),
                        c.oldestWaitingMs(),
                        c.lastBuyerText(),
                        c.eventSeq(),
                        c.toBuyerCount(),
                        c.toTeamCount(),
                        c.id())
                .update();
    }

    boolean openKeyTaken(String openKey) {
        return jdbc.sql("SELECT COUNT(*) FROM conversation WHERE open_key = ?")
                        .param(openKey)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insertMessage(MessageRow m) {
        jdbc.sql("INSERT INTO message (" + MESSAGE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?)")
                .params(
                        m.id(),
                        m.shopId(),
                        m.conversationId(),
                        m.seq(),
                        m.visibleSeq(),
                        m.sender().name(),
                        m.senderId(),
                        m.senderKey(),
                        m.automatic(),
                        m.text(),
                        m.attachments(),
                        m.cardType(),
                        m.cardId(),
                        m.status().name(),
                        m.action(),
                        m.verdict(),
                        m.policyVersion(),
                        m.placeholder(),
                        m.clientMessageId(),
                        m.requestHash(),
                        m.responseStatus(),
                        Timestamp.from(m.sentAt()))
                .update();
    }

    Optional<MessageRow> messageByClientId(String conversationId, String senderKey, String clientMessageId) {
        return jdbc.sql("SELECT " + MESSAGE_READ_COLUMNS + " FROM message WHERE conversation_id = ? AND sender_key = ?"
                        + " AND client_message_id = ?")
                .params(conversationId, senderKey, clientMessageId)
                .query((rs, n) -> message(rs))
                .optional();
    }

    Optional<MessageRow> message(String id) {
        return jdbc.sql("SELECT " + MESSAGE_READ_COLUMNS + " FROM message WHERE id = ?")
                .param(id)
                .query((rs, n) -> message(rs))
                .optional();
    }

    void updateMessageStatus(
            String id, MessageStatus status, @Nullable Long visibleSeq, @Nullable String reviewer, Instant at) {
        updateMessageStatus(id, status, visibleSeq, reviewer, at, null);
    }

    void updateMessageStatus(
            String id,
            MessageStatus status,
            @Nullable Long visibleSeq,
            @Nullable String reviewer,
            Instant at,
            @Nullable String reviewNote) {
        jdbc.sql("UPDATE message SET status = ?, visible_seq = ?, delivered_at = ?, reviewed_by = ?, reviewed_at = ?,"
                        + " review_note = ? WHERE id = ?")
                .params(
                        status.name(),
                        visibleSeq,
                        status == MessageStatus.DELIVERED ? Timestamp.from(at) : null,
                        reviewer,
                        reviewer == null ? null : Timestamp.from(at),
                        reviewNote,
                        id)
                .update();
    }

    /** Messages of a conversation after {@code afterSeq}: by creation (team, staff) or by visibility (buyer). */
    List<MessageRow> messages(String conversationId, boolean buyerView, long afterSeq, int limit) {
        String sql = buyerView
                ? "SELECT " + MESSAGE_READ_COLUMNS + " FROM message WHERE conversation_id = ? AND visible_seq > ?"
                        + " ORDER BY visible_seq LIMIT ?"
                : "SELECT " + MESSAGE_READ_COLUMNS + " FROM message WHERE conversation_id = ? AND seq > ? ORDER BY seq"
                        + " LIMIT ?";
        return jdbc.sql(sql)
                .params(conversationId, afterSeq, limit)
                .query((rs, n) -> message(rs))
                .list();
    }

    /** The timeline a conversation's reply state is computed from: buyer messages and delivered replies. */
    List<MessageRow> timeline(String conversationId) {
        return jdbc.sql("SELECT " + MESSAGE_READ_COLUMNS
                        + " FROM message WHERE conversation_id = ? AND status = 'DELIVERED'" + " ORDER BY sent_at, seq")
                .param(conversationId)
                .query((rs, n) -> message(rs))
                .list();
    }

    /** A page of conversations; {@code where} is built by the caller from fixed fragments and bound parameters. */
    List<ConversationRow> conversations(
            String userKey,
            String where,
            List<Object> params,
            long nowMs,
            long windowMs,
            boolean inboxOrder,
            int limit,
            @Nullable Cursor after) {
        String bucket = inboxOrder
                ? "CASE WHEN c.oldest_waiting_ms IS NULL THEN 2 WHEN c.oldest_waiting_ms + " + windowMs + " >= " + nowMs
                        + " THEN 0 ELSE 1 END"
                : "2";
        String sortKey = "CASE WHEN " + bucket + " = 2 THEN -c.last_message_ms ELSE c.oldest_waiting_ms END";
        List<Object> all = new ArrayList<>();
        all.add(userKey);
        all.addAll(params);
        StringBuilder sql = new StringBuilder("SELECT * FROM (SELECT " + CONVERSATION_COLUMNS
                + ", COALESCE(r.seen_count, 0) AS seen, " + bucket + " AS bucket, " + sortKey + " AS sk"
                + " FROM conversation c LEFT JOIN conversation_read r ON r.conversation_id = c.id AND r.user_key = ?"
                + " WHERE " + where + ") t");
        if (after != null) {
            sql.append(" WHERE (t.bucket > ? OR (t.bucket = ? AND (t.sk > ? OR (t.sk = ? AND t.id > ?))))");
            all.add(after.bucket());
            all.add(after.bucket());
            all.add(after.sortKey());
            all.add(after.sortKey());
            all.add(after.id());
        }
        sql.append(" ORDER BY t.bucket, t.sk, t.id LIMIT ?");
        all.add(limit);
        return jdbc.sql(sql.toString())
                .params(all)
                .query((rs, n) -> conversation(rs, rs.getLong("seen")))
                .list();
    }

    /** A position in a page of conversations. */
    record Cursor(int bucket, long sortKey, String id, long nowMs) {}

    void markRead(String conversationId, String shopId, String userKey, long seen, Instant at) {
        int updated = jdbc.sql("UPDATE conversation_read SET seen_count = ?, read_at = ? WHERE conversation_id = ? AND"
                        + " user_key = ?")
                .params(seen, Timestamp.from(at), conversationId, userKey)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO conversation_read (conversation_id, user_key, shop_id, seen_count, read_at) VALUES"
                            + " (?, ?, ?, ?, ?)")
                    .params(conversationId, userKey, shopId, seen, Timestamp.from(at))
                    .update();
        }
    }

    long seen(String conversationId, String userKey) {
        return jdbc.sql("SELECT seen_count FROM conversation_read WHERE conversation_id = ? AND user_key = ?")
                .params(conversationId, userKey)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    void insertAttachment(
            String id, String ownerKey, String name, String contentType, long size, String sha256, Instant at) {
        jdbc.sql("INSERT INTO attachment (id, owner_key, name, content_type, size_bytes, sha256, created_at) VALUES"
                        + " (?, ?, ?, ?, ?, ?, ?)")
                .params(id, ownerKey, name, contentType, size, sha256, Timestamp.from(at))
                .update();
    }

    /** An uploaded file. */
    record AttachmentRow(
            String id,
            String ownerKey,
            @Nullable String conversationId,
            @Nullable String messageId,
            String name,
            String contentType,
            long size) {}

    List<AttachmentRow> attachments(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", ids.stream().map(i -> "?").toList());
        return jdbc.sql("SELECT id, owner_key, conversation_id, message_id, name, content_type, size_bytes FROM"
                        + " attachment WHERE id IN (" + marks + ")")
                .params(List.copyOf(ids))
                .query((rs, n) -> new AttachmentRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7)))
                .list();
    }

    void bindAttachments(Collection<String> ids, String messageId, String conversationId, String shopId) {
        for (String id : ids) {
            jdbc.sql("UPDATE attachment SET message_id = ?, conversation_id = ?, shop_id = ? WHERE id = ?")
                    .params(messageId, conversationId, shopId, id)
                    .update();
        }
    }

    private static ConversationRow conversation(ResultSet rs, long seen) throws SQLException {
        return new ConversationRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                ConversationStatus.valueOf(rs.getString(6)),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getTimestamp(10).toInstant(),
                rs.getLong(11),
                (Long) rs.getObject(12, Long.class),
                (Long) rs.getObject(13, Long.class),
                rs.getString(14),
                rs.getLong(15),
                rs.getLong(16),
                rs.getLong(17),
                seen);
    }

    private static MessageRow message(ResultSet rs) throws SQLException {
        return new MessageRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                (Long) rs.getObject(5, Long.class),
                Sender.valueOf(rs.getString(6)),
                rs.getString(7),
                rs.getString(8),
                rs.getBoolean(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13),
                MessageStatus.valueOf(rs.getString(14)),
                rs.getString(15),
                rs.getString(16),
                rs.getString(17),
                rs.getBoolean(18),
                rs.getString(19),
                rs.getString(20),
                (Integer) rs.getObject(21, Integer.class),
                rs.getTimestamp(22).toInstant(),
                rs.getTimestamp(23) == null ? null : rs.getTimestamp(23).toInstant(),
                rs.getString(24));
    }

    /** Marks the not yet excluded buyer messages of the shop among {@code ids}; returns those marked now. */
    List<MessagingFacade.Excluded> exclude(String shopId, Collection<String> ids, String reportId, Instant now) {
        List<MessagingFacade.Excluded> marked = new ArrayList<>();
        for (String id : ids.stream().distinct().sorted().toList()) {
            Optional<Instant> sentAt = jdbc.sql(
                            "SELECT sent_at FROM message WHERE id = ? AND shop_id = ? AND sender = ?"
                                    + " AND excluded_by IS NULL FOR UPDATE")
                    .params(id, shopId, Sender.BUYER.name())
                    .query((rs, n) -> rs.getTimestamp(1).toInstant())
                    .optional();
            if (sentAt.isPresent()) {
                jdbc.sql("UPDATE message SET excluded_by = ?, excluded_at = ? WHERE id = ?")
                        .params(reportId, Timestamp.from(now), id)
                        .update();
                marked.add(new MessagingFacade.Excluded(id, sentAt.get()));
            }
        }
        return marked;
    }
}

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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
    private final JdbcTemplate template;

    MessagingStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    // ---------------------------------------------------------------- group commit (see SendBatcher)

    /** The idempotency key of a send: conversation, sender and {@code clientMessageId}. */
    record SendKey(
            String conversationId,
            String senderKey,
            @Nullable String clientMessageId) {
        String id() {
            return conversationId + "|" + senderKey + "|" + clientMessageId;
        }
    }

    /**
     * The state of a batch of sends in one transaction: the conversation rows it locked up front (kept current as the
     * sends change them), the idempotency keys it looked up up front, and the writes it defers to one JDBC batch per
     * statement just before the commit. Reads that could see the deferred writes flush them first.
     */
    private static final class Batch {
        final Map<String, ConversationRow> locked = new HashMap<>();
        final Map<String, ConversationRow> changed = new LinkedHashMap<>();
        final Map<String, MessageRow> known = new HashMap<>();
        final Set<String> checked = new HashSet<>();
        final List<MessageRow> messages = new ArrayList<>();
        final Map<String, List<Object[]>> writes = new LinkedHashMap<>();
    }

    /**
     * Starts a batch of sends in the current transaction: locks their conversations in one statement (in id order) and
     * looks up their idempotency keys in one more.
     */
    void beginBatch(Collection<SendKey> keys) {
        Batch batch = new Batch();
        List<String> ids =
                keys.stream().map(SendKey::conversationId).distinct().sorted().toList();
        if (!ids.isEmpty()) {
            String marks = String.join(", ", ids.stream().map(i -> "?").toList());
            jdbc.sql("SELECT " + CONVERSATION_COLUMNS + " FROM conversation c WHERE c.id IN (" + marks
                            + ") ORDER BY c.id" + " FOR UPDATE")
                    .params(List.copyOf(ids))
                    .query((rs, n) -> conversation(rs, 0))
                    .list()
                    .forEach(c -> batch.locked.put(c.id(), c));
        }
        List<SendKey> idempotent =
                keys.stream().filter(k -> k.clientMessageId() != null).toList();
        if (!idempotent.isEmpty()) {
            List<String> conversations =
                    idempotent.stream().map(SendKey::conversationId).distinct().toList();
            List<String> clientIds =
                    idempotent.stream().map(SendKey::clientMessageId).distinct().toList();
            List<Object> params = new ArrayList<>(conversations);
            params.addAll(clientIds);
            jdbc.sql("SELECT " + MESSAGE_READ_COLUMNS + " FROM message WHERE conversation_id IN ("
                            + String.join(
                                    ", ", conversations.stream().map(i -> "?").toList())
                            + ") AND client_message_id IN ("
                            + String.join(", ", clientIds.stream().map(i -> "?").toList()) + ")")
                    .params(params)
                    .query((rs, n) -> message(rs))
                    .list()
                    .forEach(m -> batch.known.put(
                            new SendKey(m.conversationId(), m.senderKey(), m.clientMessageId()).id(), m));
            idempotent.forEach(k -> batch.checked.add(k.id()));
        }
        TransactionSynchronizationManager.bindResource(this, batch);
    }

    /** Ends the batch of the current transaction: executes its deferred writes (before the commit). */
    void endBatch() {
        flush();
        TransactionSynchronizationManager.unbindResourceIfPossible(this);
    }

    /** Forgets the batch of the current transaction without writing (it rolls back). */
    void abandonBatch() {
        TransactionSynchronizationManager.unbindResourceIfPossible(this);
    }

    private @Nullable Batch batch() {
        return (Batch) TransactionSynchronizationManager.getResource(this);
    }

    /** Executes the deferred writes of the current batch, if any, so that a query sees them. */
    void flush() {
        Batch batch = batch();
        if (batch == null) {
            return;
        }
        if (!batch.changed.isEmpty()) {
            template.batchUpdate(
                    UPDATE_CONVERSATION,
                    batch.changed.values().stream()
                            .map(MessagingStore::updateParams)
                            .toList());
            batch.changed.clear();
        }
        if (!batch.messages.isEmpty()) {
            template.batchUpdate(
                    INSERT_MESSAGE,
                    batch.messages.stream().map(MessagingStore::insertParams).toList());
            batch.messages.clear();
        }
        for (Map.Entry<String, List<Object[]>> w : batch.writes.entrySet()) {
            template.batchUpdate(w.getKey(), w.getValue());
        }
        batch.writes.clear();
    }

    /** Executes a write now, or with the batch's writes when one is open; for writes nothing in the batch reads. */
    void write(String sql, Object... params) {
        Batch batch = batch();
        if (batch == null) {
            jdbc.sql(sql).params(params).update();
        } else {
            batch.writes.computeIfAbsent(sql, k -> new ArrayList<>()).add(params);
        }
    }

    // ---------------------------------------------------------------- conversations

    Optional<ConversationRow> conversation(String id, boolean lock) {
        Batch batch = batch();
        if (batch != null) {
            ConversationRow locked = batch.locked.get(id);
            if (locked != null && lock) {
                return Optional.of(locked);
            }
            flush();
        }
        Optional<ConversationRow> row = jdbc.sql("SELECT " + CONVERSATION_COLUMNS
                        + " FROM conversation c WHERE c.id = ?" + (lock ? " FOR UPDATE" : ""))
                .param(id)
                .query((rs, n) -> conversation(rs, 0))
                .optional();
        if (batch != null && lock) {
            row.ifPresent(c -> batch.locked.put(c.id(), c));
        }
        return row;
    }

    Optional<ConversationRow> conversationWithSeen(String id, String userKey) {
        flush();
        return jdbc.sql(
                        "SELECT " + CONVERSATION_COLUMNS + ", COALESCE(r.seen_count, 0) FROM conversation c"
                                + " LEFT JOIN conversation_read r ON r.conversation_id = c.id AND r.user_key = ? WHERE c.id = ?")
                .params(userKey, id)
                .query((rs, n) -> conversation(rs, rs.getLong(18)))
                .optional();
    }

    Optional<ConversationRow> openConversation(String openKey) {
        flush();
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

    private static final String UPDATE_CONVERSATION = "UPDATE conversation SET status = ?, open_key = ?,"
            + " assignee_id = ?, arbitrator_id = ?, last_message_ms = ?, last_buyer_ms = ?, oldest_waiting_ms = ?,"
            + " last_buyer_text = ?, event_seq = ?, to_buyer_count = ?, to_team_count = ? WHERE id = ?";

    void updateConversation(ConversationRow c) {
        Batch batch = batch();
        if (batch != null && batch.locked.containsKey(c.id())) {
            batch.locked.put(c.id(), c);
            batch.changed.put(c.id(), c);
            return;
        }
        jdbc.sql(UPDATE_CONVERSATION).params(updateParams(c)).update();
    }

    private static Object[] updateParams(ConversationRow c) {
        return new Object[] {
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
            c.id()
        };
    }

    boolean openKeyTaken(String openKey) {
        flush();
        return jdbc.sql("SELECT COUNT(*) FROM conversation WHERE open_key = ?")
                        .param(openKey)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static final String INSERT_MESSAGE = "INSERT INTO message (" + MESSAGE_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    void insertMessage(MessageRow m) {
        Batch batch = batch();
        if (batch != null) {
            batch.messages.add(m);
            if (m.clientMessageId() != null) {
                batch.known.put(new SendKey(m.conversationId(), m.senderKey(), m.clientMessageId()).id(), m);
            }
            return;
        }
        jdbc.sql(INSERT_MESSAGE).params(insertParams(m)).update();
    }

    private static Object[] insertParams(MessageRow m) {
        return new Object[] {
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
            Timestamp.from(m.sentAt())
        };
    }

    Optional<MessageRow> messageByClientId(String conversationId, String senderKey, String clientMessageId) {
        Batch batch = batch();
        if (batch != null) {
            String key = new SendKey(conversationId, senderKey, clientMessageId).id();
            MessageRow known = batch.known.get(key);
            if (known != null) {
                return Optional.of(known);
            }
            if (batch.checked.contains(key)) {
                return Optional.empty();
            }
            flush();
        }
        return jdbc.sql("SELECT " + MESSAGE_READ_COLUMNS + " FROM message WHERE conversation_id = ? AND sender_key = ?"
                        + " AND client_message_id = ?")
                .params(conversationId, senderKey, clientMessageId)
                .query((rs, n) -> message(rs))
                .optional();
    }

    Optional<MessageRow> message(String id) {
        flush();
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
        flush();
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
        flush();
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
        flush();
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
        flush();
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
        flush();
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

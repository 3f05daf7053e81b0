package dev.parley.server.messaging.internal;

import dev.parley.server.messaging.MessageStatus;
import dev.parley.server.messaging.SellerDraft;
import dev.parley.server.messaging.SellerMessageLog;
import dev.parley.server.messaging.Sender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The queries behind {@link SellerMessageLog}: indexed by shop, sender and time (migration V4_1). */
@Component
public class SellerMessageQueries {
    private final JdbcClient jdbc;
    private final AttachmentFiles files;

    SellerMessageQueries(JdbcClient jdbc, AttachmentFiles files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /** See {@link SellerMessageLog#sentToOtherBuyers}. */
    public List<SellerMessageLog.SentText> sentToOtherBuyers(
            String shopId,
            @Nullable String conversationId,
            Instant from,
            Instant before,
            @Nullable String beforeId,
            int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql =
                new StringBuilder("SELECT m.id, m.conversation_id, c.buyer_id, m.text, m.sent_at FROM message m"
                        + " JOIN conversation c ON c.id = m.conversation_id"
                        + " WHERE m.shop_id = ? AND m.sender = ? AND m.sent_at >= ? AND m.status IN (?, ?)"
                        + " AND m.text <> ''");
        params.add(shopId);
        params.add(Sender.SELLER.name());
        params.add(Timestamp.from(from));
        params.add(MessageStatus.DELIVERED.name());
        params.add(MessageStatus.HELD.name());
        if (beforeId == null) {
            sql.append(" AND m.sent_at <= ?");
            params.add(Timestamp.from(before));
        } else {
            sql.append(" AND (m.sent_at < ? OR (m.sent_at = ? AND m.id < ?))");
            params.add(Timestamp.from(before));
            params.add(Timestamp.from(before));
            params.add(beforeId);
        }
        if (conversationId != null) {
            sql.append(" AND c.buyer_id <> (SELECT x.buyer_id FROM conversation x WHERE x.id = ?)");
            params.add(conversationId);
        }
        sql.append(" ORDER BY m.sent_at DESC, m.id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new SellerMessageLog.SentText(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    private record Row(
            String id,
            String conversationId,
            String shopId,
            @Nullable String productId,
            String text,
            boolean hasAttachments,
            MessageStatus status,
            @Nullable String action,
            @Nullable String policyVersion,
            Instant sentAt,
            boolean buyerWrote,
            @Nullable String buyerText) {}

    /** See {@link SellerMessageLog#page}. */
    public List<SellerMessageLog.Stored> page(
            Instant from,
            Instant until,
            @Nullable String shopId,
            SellerMessageLog.@Nullable Position after,
            int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(
                "SELECT m.id, m.conversation_id, m.shop_id, c.product_id, m.text, m.attachments, m.status, m.action,"
                        + " m.policy_version, m.sent_at,"
                        + " (SELECT MAX(b.seq) FROM message b WHERE b.conversation_id = m.conversation_id"
                        + " AND b.sender = ? AND b.seq < m.seq),"
                        + " (SELECT b.text FROM message b WHERE b.conversation_id = m.conversation_id AND b.sender = ?"
                        + " AND b.seq < m.seq ORDER BY b.seq DESC FETCH FIRST 1 ROWS ONLY)"
                        + " FROM message m JOIN conversation c ON c.id = m.conversation_id"
                        + " WHERE m.sender = ? AND m.sent_at >= ? AND m.sent_at <= ?");
        params.add(Sender.BUYER.name());
        params.add(Sender.BUYER.name());
        params.add(Sender.SELLER.name());
        params.add(Timestamp.from(from));
        params.add(Timestamp.from(until));
        if (shopId != null) {
            sql.append(" AND m.shop_id = ?");
            params.add(shopId);
        }
        if (after != null) {
            sql.append(" AND (m.sent_at < ? OR (m.sent_at = ? AND m.id < ?))");
            params.add(Timestamp.from(after.sentAt()));
            params.add(Timestamp.from(after.sentAt()));
            params.add(after.messageId());
        }
        sql.append(" ORDER BY m.sent_at DESC, m.id DESC LIMIT ?");
        params.add(limit);
        List<Row> rows = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6) != null,
                        MessageStatus.valueOf(rs.getString(7)),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getTimestamp(10).toInstant(),
                        rs.getObject(11) != null,
                        rs.getString(12)))
                .list();
        Map<String, List<SellerDraft.File>> attached = attachments(rows);
        List<SellerMessageLog.Stored> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<SellerDraft.File> all = attached.getOrDefault(r.id(), List.of());
            List<SellerDraft.File> present =
                    all.stream().filter(f -> Files.isReadable(f.path())).toList();
            out.add(new SellerMessageLog.Stored(
                    r.id(),
                    r.conversationId(),
                    r.shopId(),
                    r.productId(),
                    r.text(),
                    present,
                    all.size() - present.size(),
                    r.buyerWrote(),
                    r.buyerText(),
                    r.status(),
                    r.action(),
                    r.policyVersion(),
                    r.sentAt()));
        }
        return out;
    }

    /** The files of the messages that have attachments, by message id, in upload order. */
    private Map<String, List<SellerDraft.File>> attachments(List<Row> rows) {
        List<String> ids =
                rows.stream().filter(Row::hasAttachments).map(Row::id).toList();
        Map<String, List<SellerDraft.File>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT message_id, id, name, content_type FROM attachment WHERE message_id IN (:ids)"
                        + " ORDER BY message_id, created_at, id")
                .param("ids", ids)
                .query(rs -> {
                    Path path = files.path(rs.getString(2));
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new SellerDraft.File(rs.getString(3), rs.getString(4), path));
                });
        return out;
    }
}

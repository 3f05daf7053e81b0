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
    private final MessagingStore store;

    SellerMessageQueries(JdbcClient jdbc, AttachmentFiles files, MessagingStore store) {
        this.jdbc = jdbc;
        this.files = files;
        this.store = store;
    }

    /** See {@link SellerMessageLog#sentToOtherBuyers}. */
    public List<SellerMessageLog.SentText> sentToOtherBuyers(
            String shopId,
            @Nullable String conversationId,
            Instant from,
            Instant before,
            @Nullable String beforeId,
            int limit) {
        // Sends stored in a batch that is still open (see SendBatcher) count too.
        store.flush();
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
            // the plain bound first, so that it bounds the index range
            sql.append(" AND m.sent_at <= ? AND (m.sent_at < ? OR m.id < ?)");
            params.add(Timestamp.from(before));
            params.add(Timestamp.from(before));
            params.add(beforeId);
        }
        if (conversationId != null) {
            sql.append(" AND c.buyer_id <> (SELECT x.buyer_id FROM conversation x WHERE x.id = ?)");
            params.add(conversationId);
        }
        // every column of the index (shop_id, sender, sent_at, id), so that H2 too reads it backwards instead of
        // sorting
        sql.append(" ORDER BY m.shop_id DESC, m.sender DESC, m.sent_at DESC, m.id DESC LIMIT ?");
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
            long seq,
            String text,
            boolean hasAttachments,
            MessageStatus status,
            @Nullable String action,
            @Nullable String policyVersion,
            Instant sentAt) {}

    /** A buyer message of a conversation: its place and text. */
    private record BuyerText(long seq, String text) {}

    /** See {@link SellerMessageLog#page}. */
    public List<SellerMessageLog.Stored> page(
            Instant from,
            Instant until,
            @Nullable String shopId,
            SellerMessageLog.@Nullable Position after,
            int limit) {
        // Sends stored in a batch that is still open (see SendBatcher) count too.
        store.flush();
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(
                "SELECT m.id, m.conversation_id, m.shop_id, c.product_id, m.seq, m.text, m.attachments, m.status,"
                        + " m.action, m.policy_version, m.sent_at"
                        + " FROM message m JOIN conversation c ON c.id = m.conversation_id"
                        + " WHERE m.sender = ? AND m.sent_at >= ? AND m.sent_at <= ?");
        params.add(Sender.SELLER.name());
        params.add(Timestamp.from(from));
        params.add(Timestamp.from(until));
        if (shopId != null) {
            sql.append(" AND m.shop_id = ?");
            params.add(shopId);
        }
        if (after != null) {
            sql.append(" AND m.sent_at <= ? AND (m.sent_at < ? OR m.id < ?)");
            params.add(Timestamp.from(after.sentAt()));
            params.add(Timestamp.from(after.sentAt()));
            params.add(after.messageId());
        }
        sql.append(
                shopId != null
                        ? " ORDER BY m.shop_id DESC, m.sender DESC, m.sent_at DESC, m.id DESC LIMIT ?"
                        : " ORDER BY m.sender DESC, m.sent_at DESC, m.id DESC LIMIT ?");
        params.add(limit);
        List<Row> rows = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getString(7) != null,
                        MessageStatus.valueOf(rs.getString(8)),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getTimestamp(11).toInstant()))
                .list();
        Map<String, List<BuyerText>> buyerTexts = buyerTexts(rows);
        Map<String, List<SellerDraft.File>> attached = attachments(rows);
        List<SellerMessageLog.Stored> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<SellerDraft.File> all = attached.getOrDefault(r.id(), List.of());
            List<SellerDraft.File> present =
                    all.stream().filter(f -> Files.isReadable(f.path())).toList();
            BuyerText before = latestBefore(buyerTexts.getOrDefault(r.conversationId(), List.of()), r.seq());
            out.add(new SellerMessageLog.Stored(
                    r.id(),
                    r.conversationId(),
                    r.shopId(),
                    r.productId(),
                    r.text(),
                    present,
                    all.size() - present.size(),
                    before != null,
                    before == null ? null : before.text(),
                    r.status(),
                    r.action(),
                    r.policyVersion(),
                    r.sentAt()));
        }
        return out;
    }

    /** The buyer messages of the page's conversations up to its last seller message, by conversation, in order. */
    private Map<String, List<BuyerText>> buyerTexts(List<Row> rows) {
        Map<String, Long> upTo = new HashMap<>();
        for (Row r : rows) {
            upTo.merge(r.conversationId(), r.seq(), Math::max);
        }
        Map<String, List<BuyerText>> out = new HashMap<>();
        if (upTo.isEmpty()) {
            return out;
        }
        long maxSeq = upTo.values().stream().mapToLong(Long::longValue).max().orElse(0);
        jdbc.sql("SELECT conversation_id, seq, text FROM message WHERE sender = :buyer AND conversation_id IN (:ids)"
                        + " AND seq < :maxSeq ORDER BY conversation_id, seq")
                .param("buyer", Sender.BUYER.name())
                .param("ids", upTo.keySet())
                .param("maxSeq", maxSeq)
                .query(rs -> {
                    String conversation = rs.getString(1);
                    long seq = rs.getLong(2);
                    if (seq < upTo.get(conversation)) {
                        out.computeIfAbsent(conversation, k -> new ArrayList<>())
                                .add(new BuyerText(seq, rs.getString(3)));
                    }
                });
        return out;
    }

    /** The last buyer message before {@code seq} in a conversation's buyer messages (in order), if any. */
    private static @Nullable BuyerText latestBefore(List<BuyerText> texts, long seq) {
        int lo = 0;
        int hi = texts.size() - 1;
        BuyerText found = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (texts.get(mid).seq() < seq) {
                found = texts.get(mid);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
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

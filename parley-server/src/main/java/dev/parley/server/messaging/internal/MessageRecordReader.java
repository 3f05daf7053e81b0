package dev.parley.server.messaging.internal;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.ShopInfo;
import dev.parley.server.catalog.Catalog;
import dev.parley.server.catalog.Product;
import dev.parley.server.messaging.MessageQuery;
import dev.parley.server.messaging.MessageRecord;
import dev.parley.server.messaging.MessageRecords;
import dev.parley.server.messaging.MessageStatus;
import dev.parley.server.messaging.SellerDraft;
import dev.parley.server.messaging.Sender;
import dev.parley.server.messaging.VerdictView;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads messages for {@link MessageRecords}: by id, by conversation, and by search criteria. */
@Component
public class MessageRecordReader {
    private static final String COLUMNS = "id, shop_id, conversation_id, seq, sender, sender_id, sender_key, automatic,"
            + " text, attachments, card_type, card_id, status, verdict, placeholder, sent_at, delivered_at, reviewed_by,"
            + " reviewed_at, review_note, excluded_by, excluded_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final MessagingStore store;
    private final AttachmentFiles files;
    private final Catalog catalog;
    private final Accounts accounts;

    MessageRecordReader(
            JdbcClient jdbc,
            ObjectMapper json,
            MessagingStore store,
            AttachmentFiles files,
            Catalog catalog,
            Accounts accounts) {
        this.jdbc = jdbc;
        this.json = json;
        this.store = store;
        this.files = files;
        this.catalog = catalog;
        this.accounts = accounts;
    }

    /** See {@link MessageRecords#find}. */
    public Optional<MessageRecord> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE id = ?")
                .param(id)
                .query((rs, n) -> record(rs))
                .optional();
    }

    /** See {@link MessageRecords#findAll}. */
    public List<MessageRecord> findAll(Collection<String> ids) {
        List<String> distinct = ids.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", distinct.stream().map(i -> "?").toList());
        return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE id IN (" + marks + ")")
                .params(distinct)
                .query((rs, n) -> record(rs))
                .list();
    }

    /** See {@link MessageRecords#conversation}. */
    public List<MessageRecord> conversation(String conversationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE conversation_id = ? ORDER BY seq")
                .param(conversationId)
                .query((rs, n) -> record(rs))
                .list();
    }

    /** See {@link MessageRecords#search}. */
    public List<MessageRecord> search(MessageQuery q) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (q.shopId() != null) {
            where.add("shop_id = ?");
            params.add(q.shopId());
        }
        if (q.conversationId() != null) {
            where.add("conversation_id = ?");
            params.add(q.conversationId());
        }
        if (q.status() != null) {
            where.add("status = ?");
            params.add(q.status().name());
        }
        if (q.sender() != null) {
            where.add("sender = ?");
            params.add(q.sender().name());
        }
        if (q.action() != null) {
            where.add("action = ?");
            params.add(q.action());
        }
        if (q.rule() != null) {
            // Verdicts are stored as compact JSON; '_' is a LIKE wildcard, so it is escaped.
            where.add("verdict LIKE ? ESCAPE '!'");
            params.add("%\"rule\":\"" + q.rule().replace("_", "!_") + "\"%");
        }
        if (q.from() != null) {
            where.add("sent_at >= ?");
            params.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            where.add("sent_at < ?");
            params.add(Timestamp.from(q.to()));
        }
        String direction = q.oldestFirst() ? "ASC" : "DESC";
        if (q.after() != null) {
            String cmp = q.oldestFirst() ? ">" : "<";
            where.add("(sent_at " + cmp + " ? OR (sent_at = ? AND id " + cmp + " ?))");
            Timestamp at = Timestamp.from(q.after().sentAt());
            params.add(at);
            params.add(at);
            params.add(q.after().id());
        }
        params.add(q.limit());
        String sql = "SELECT " + COLUMNS + " FROM message"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY sent_at " + direction + ", id " + direction + " LIMIT ?";
        return jdbc.sql(sql).params(params).query((rs, n) -> record(rs)).list();
    }

    /** See {@link MessageRecords#held}. */
    public MessageRecords.Backlog held() {
        return jdbc.sql("SELECT COUNT(*), MIN(sent_at) FROM message WHERE status = ?")
                .param(MessageStatus.HELD.name())
                .query((rs, n) -> new MessageRecords.Backlog(rs.getLong(1), instant(rs.getTimestamp(2))))
                .single();
    }

    /** See {@link MessageRecords#draftOf}. */
    public Optional<SellerDraft> draftOf(String messageId) {
        Optional<MessageRecord> found = find(messageId).filter(m -> m.sender() == Sender.SELLER);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MessageRecord m = found.get();
        ConversationRow c = store.conversation(m.conversationId(), false).orElseThrow();
        Product product =
                c.productId() == null ? null : catalog.product(c.productId()).orElse(null);
        String buyerText = null;
        boolean buyerWrote = false;
        for (MessageRecord earlier : conversation(c.id())) {
            if (earlier.seq() >= m.seq()) {
                break;
            }
            if (earlier.sender() == Sender.BUYER) {
                buyerWrote = true;
                buyerText = earlier.text();
            }
        }
        List<SellerDraft.File> attached = m.attachments().stream()
                .map(a -> new SellerDraft.File(a.name(), a.contentType(), files.path(a.id())))
                .toList();
        String region = accounts.shop(m.shopId()).map(ShopInfo::region).orElse(null);
        return Optional.of(new SellerDraft(
                m.shopId(),
                m.conversationId(),
                m.senderKey(),
                m.text(),
                attached,
                product,
                buyerWrote,
                buyerText,
                region));
    }

    private MessageRecord record(ResultSet rs) throws SQLException {
        String attachments = rs.getString(10);
        List<MessageRecord.Attachment> files = new ArrayList<>();
        if (attachments != null) {
            for (JsonNode a : json.readTree(attachments)) {
                files.add(new MessageRecord.Attachment(
                        a.get("id").asString(),
                        a.get("name").asString(),
                        a.get("contentType").asString(),
                        a.get("size").asLong()));
            }
        }
        String cardType = rs.getString(11);
        String verdict = rs.getString(14);
        return new MessageRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                Sender.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getString(7),
                rs.getBoolean(8),
                rs.getString(9),
                files,
                cardType == null ? null : new MessageRecord.Card(cardType, rs.getString(12)),
                MessageStatus.valueOf(rs.getString(13)),
                verdict == null ? null : json.readValue(verdict, VerdictView.class),
                rs.getBoolean(15),
                rs.getTimestamp(16).toInstant(),
                instant(rs.getTimestamp(17)),
                rs.getString(18),
                instant(rs.getTimestamp(19)),
                rs.getString(20),
                rs.getString(21),
                instant(rs.getTimestamp(22)));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

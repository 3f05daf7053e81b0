package dev.parley.server.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compliance records about a buyer, for the buyer's erasure: the messages frozen as evidence of abuse reports
 * (their attachments are kept), and the buyer's handle in that evidence replaced by their pseudonym; and the e-mail
 * notices, which are no compliance record and go. Everything else
 * the cases module keeps (violations, reports, decisions) refers to the buyer by id only and stays as it is.
 */
@Service
public class BuyerCaseRecords {
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    BuyerCaseRecords(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The ids of the buyer's messages that abuse reports about them cover. */
    public List<String> evidenceMessageIds(String buyerId) {
        return jdbc.sql("SELECT m.message_id FROM abuse_report_message m JOIN abuse_report r ON r.id = m.report_id"
                        + " WHERE r.buyer_id = ? ORDER BY m.message_id")
                .param(buyerId)
                .query(String.class)
                .list();
    }

    /**
     * Replaces the buyer's handle in the frozen evidence of every abuse report about them with {@code pseudonym}, and
     * the evidence's SHA-256 with that of the result; the messages in it stay as frozen. The number of reports changed.
     */
    public int pseudonymise(String buyerId, String pseudonym) {
        record Row(String id, String evidence) {}
        List<Row> rows = jdbc.sql("SELECT id, evidence FROM abuse_report WHERE buyer_id = ?")
                .param(buyerId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2)))
                .list();
        int changed = 0;
        for (Row row : rows) {
            JsonNode evidence = json.readTree(row.evidence());
            JsonNode buyer = evidence.path("conversation").path("buyer");
            if (buyer instanceof ObjectNode b
                    && !pseudonym.equals(b.path("displayName").asString(""))) {
                b.put("displayName", pseudonym);
                String text = json.writeValueAsString(evidence);
                jdbc.sql("UPDATE abuse_report SET evidence = ?, evidence_sha256 = ? WHERE id = ?")
                        .params(text, sha256(text), row.id())
                        .update();
                changed++;
            }
        }
        return changed;
    }

    /**
     * Removes the buyer from the e-mail outbox: the notices to them are deleted (they are no compliance record), and the
     * text of the notices to shops about the buyer's disputes is replaced by a note (their subject names no buyer). The
     * number of notices deleted or changed.
     */
    public int eraseNotices(String buyerId) {
        int deleted = jdbc.sql("DELETE FROM mail_outbox WHERE to_user_id = ?")
                .param(buyerId)
                .update();
        int redacted = jdbc.sql("UPDATE mail_outbox SET body = ? WHERE kind = 'dispute_decided' AND subject_ref IN"
                        + " (SELECT id FROM dispute WHERE buyer_id = ?) AND body <> ?")
                .params(ERASED_NOTICE, buyerId, ERASED_NOTICE)
                .update();
        return deleted + redacted;
    }

    private static final String ERASED_NOTICE = "(The text of this notice was removed when the buyer's personal data"
            + " was erased; the dispute's decision is kept with the dispute.)";

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

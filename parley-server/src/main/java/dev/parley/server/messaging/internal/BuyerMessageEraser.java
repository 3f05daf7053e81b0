package dev.parley.server.messaging.internal;

import dev.parley.server.messaging.BuyerMessageErasure;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Redacts a buyer's messages and deletes their files (the bytes once the transaction commits). */
@Component
public class BuyerMessageEraser {
    private static final Logger log = LoggerFactory.getLogger(BuyerMessageEraser.class);
    private final JdbcClient jdbc;
    private final AttachmentFiles files;

    BuyerMessageEraser(JdbcClient jdbc, AttachmentFiles files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /** Redacts and deletes; see {@link BuyerMessageErasure}. */
    public BuyerMessageErasure.Result erase(String buyerId, Collection<String> evidenceMessageIds, String marker) {
        Set<String> keep = new HashSet<>(evidenceMessageIds);
        record Row(String id, String text, boolean hasAttachments) {}
        List<Row> messages = jdbc.sql(
                        "SELECT id, text, attachments FROM message WHERE sender = 'BUYER' AND sender_id = ?")
                .param(buyerId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3) != null))
                .list();
        int redacted = 0;
        for (Row m : messages) {
            boolean keepFiles = keep.contains(m.id());
            if (m.text().equals(marker) && (keepFiles || !m.hasAttachments())) {
                continue;
            }
            jdbc.sql("UPDATE message SET text = ?, attachments = " + (keepFiles ? "attachments" : "NULL")
                            + " WHERE id = ?")
                    .params(marker, m.id())
                    .update();
            redacted++;
        }
        jdbc.sql("UPDATE conversation SET last_buyer_text = ? WHERE buyer_id = ? AND last_buyer_text IS NOT NULL")
                .params(marker, buyerId)
                .update();
        record File(
                String id,
                @org.jspecify.annotations.Nullable String messageId) {}
        List<String> gone = new ArrayList<>();
        for (File f : jdbc.sql("SELECT id, message_id FROM attachment WHERE owner_key = ?")
                .param(buyerId)
                .query((rs, n) -> new File(rs.getString(1), rs.getString(2)))
                .list()) {
            if (f.messageId() == null || !keep.contains(f.messageId())) {
                jdbc.sql("DELETE FROM attachment WHERE id = ?").param(f.id()).update();
                gone.add(f.id());
            }
        }
        Runnable delete = () -> gone.forEach(id -> {
            try {
                Files.deleteIfExists(files.path(id));
            } catch (IOException e) {
                log.warn("could not delete the file of erased attachment {}: {}", id, e.toString());
            }
        });
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delete.run();
                }
            });
        } else {
            delete.run();
        }
        return new BuyerMessageErasure.Result(redacted, gone.size());
    }
}

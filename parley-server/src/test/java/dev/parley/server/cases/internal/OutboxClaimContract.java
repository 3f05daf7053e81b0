package dev.parley.server.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.shared.TimeOrderedIds;
import dev.parley.server.support.ServerTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outbox's claim is what lets several nodes share it: of many nodes claiming a due notice at once exactly one wins
 * it, only the winner can mark it, and a claim that ran out (the node stopped) can be taken over.
 */
abstract class OutboxClaimContract extends ServerTestSupport {
    private static final int NODES = 12;

    @Autowired
    OutboxStore store;

    @Autowired
    TimeOrderedIds ids;

    private String pending(Instant now) {
        String id = ids.next();
        store.insert(new OutboxStore.MailRow(
                id,
                "test",
                id,
                null,
                "someone@mail.test",
                "ecommerce@parley.example",
                "subject",
                "body",
                "PENDING",
                0,
                now,
                now,
                null,
                null));
        return id;
    }

    @Test
    void ofManyNodesClaimingADueNoticeAtOnceExactlyOneWins() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = pending(now);
        assertThat(store.due(now, 1000)).contains(id);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        try (ExecutorService nodes = Executors.newFixedThreadPool(NODES)) {
            for (int i = 0; i < NODES; i++) {
                String node = "node-" + i;
                Callable<Boolean> claim = () -> {
                    start.await();
                    return store.claim(id, node, now, now.plus(Duration.ofMinutes(2)));
                };
                claims.add(nodes.submit(claim));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> f : claims) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        }
        assertThat(store.due(now, 1000)).doesNotContain(id);
        OutboxStore.MailRow claimed = store.find(id).orElseThrow();
        assertThat(claimed.status()).isEqualTo("SENDING");
        assertThat(claimed.attempts()).isEqualTo(1);
    }

    @Test
    void onlyTheClaimingNodeMarksANoticeAndAnExpiredClaimIsTakenOver() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = pending(now);
        assertThat(store.claim(id, "node-a", now, now.plus(Duration.ofMinutes(2))))
                .isTrue();
        assertThat(store.claim(id, "node-b", now.plusSeconds(60), now.plus(Duration.ofMinutes(3))))
                .as("claimed and not run out")
                .isFalse();

        Instant later = now.plus(Duration.ofMinutes(5));
        assertThat(store.due(later, 1000)).contains(id);
        assertThat(store.claim(id, "node-b", later, later.plus(Duration.ofMinutes(2))))
                .as("node-a stopped; its claim ran out")
                .isTrue();
        store.sent(id, "node-a", later);
        assertThat(store.find(id).orElseThrow().status())
                .as("node-a no longer holds it")
                .isEqualTo("SENDING");
        store.sent(id, "node-b", later);
        OutboxStore.MailRow sent = store.find(id).orElseThrow();
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(store.claim(id, "node-c", later.plus(Duration.ofHours(1)), later.plus(Duration.ofHours(2))))
                .isFalse();
    }
}

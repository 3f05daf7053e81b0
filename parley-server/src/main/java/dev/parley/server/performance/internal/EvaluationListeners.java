package dev.parley.server.performance.internal;

import dev.parley.server.accounts.ShopUpserted;
import dev.parley.server.messaging.BuyerMessagesExcluded;
import dev.parley.server.messaging.ConversationOpened;
import dev.parley.server.messaging.MessageLog;
import dev.parley.server.messaging.MessageReleased;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What the performance module does when other modules report something: a shop with its first conversation gets its
 * evaluation row; a changed shop may have a new zone; a verified report or a released held reply may change stored
 * evaluations, which then get a new revision.
 */
@Component
class EvaluationListeners {
    private final EvaluationStore store;
    private final EvaluationRunner runner;
    private final ZoneHistory zones;
    private final MessageLog log;
    private final Clock clock;

    EvaluationListeners(
            EvaluationStore store, EvaluationRunner runner, ZoneHistory zones, MessageLog log, Clock clock) {
        this.store = store;
        this.runner = runner;
        this.zones = zones;
        this.log = log;
        this.clock = clock;
    }

    /** At start, every shop with conversations gets its row (shops from before this module, or a missed event). */
    @EventListener(ApplicationReadyEvent.class)
    void reconcile() {
        store.ensureShops(log.shops(), clock.instant());
    }

    @ApplicationModuleListener
    void on(ConversationOpened event) {
        store.ensureShop(event.shopId(), clock.instant());
    }

    @ApplicationModuleListener
    void on(ShopUpserted event) {
        zones.sync(event.shopId());
    }

    @ApplicationModuleListener
    void on(BuyerMessagesExcluded event) {
        runner.revise(event.shopId(), event.sentAt(), "report:" + event.reportId());
    }

    @ApplicationModuleListener
    void on(MessageReleased event) {
        runner.revise(event.shopId(), List.of(event.sentAt()), "released:" + event.messageId());
    }
}

package dev.parley.server.messaging;

import dev.parley.server.messaging.internal.MessagingFacade;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks buyer messages as covered by a verified report, so that the evaluation leaves them out (clause 4.3), and
 * publishes {@link BuyerMessagesExcluded}.
 */
@Service
public class MessageExclusions {
    private final MessagingFacade facade;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MessageExclusions(MessagingFacade facade, ApplicationEventPublisher events, Clock clock) {
        this.facade = facade;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Excludes the buyer messages of {@code shopId} among {@code messageIds} on behalf of {@code reportId}; ids of other
     * shops or of seller messages are ignored. Returns the ids excluded now.
     */
    @Transactional
    public List<String> exclude(String shopId, Collection<String> messageIds, String reportId) {
        Instant now = clock.instant();
        List<MessagingFacade.Excluded> excluded = facade.exclude(shopId, messageIds, reportId, now);
        if (!excluded.isEmpty()) {
            events.publishEvent(new BuyerMessagesExcluded(
                    shopId,
                    excluded.stream().map(MessagingFacade.Excluded::messageId).toList(),
                    reportId,
                    excluded.stream().map(MessagingFacade.Excluded::sentAt).toList(),
                    now));
        }
        return excluded.stream().map(MessagingFacade.Excluded::messageId).toList();
    }
}

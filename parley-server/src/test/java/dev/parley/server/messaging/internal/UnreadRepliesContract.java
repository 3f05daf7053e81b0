package dev.parley.server.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.messaging.ReplyUnread;
import dev.parley.server.support.ServerTestSupport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** A reply the buyer leaves unread for 30 minutes becomes one ReplyUnread notice for the outbox; a read one does not. */
@RecordApplicationEvents
abstract class UnreadRepliesContract extends ServerTestSupport {

    @Autowired
    UnreadReplies unreadReplies;

    @Autowired
    ApplicationEvents events;

    @Test
    void aReplyLeftUnreadIsNoticedOnceWhenItFallsDue() {
        World w = world();
        String buyer = signIn(w.buyer());
        String conversation = open(buyer, w, "When will it ship?");
        assertThat(say(signIn(w.agent()), conversation, "Tomorrow morning.").status())
                .isEqualTo(201);

        clock.advance(Duration.ofMinutes(29));
        unreadReplies.publishDue();
        assertThat(notices(conversation)).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        unreadReplies.publishDue();
        List<ReplyUnread> notices = notices(conversation);
        assertThat(notices).hasSize(1);
        assertThat(notices.getFirst().buyerId()).isEqualTo(w.buyer());
        assertThat(notices.getFirst().shopId()).isEqualTo(w.shop());
        assertThat(notices.getFirst().unreadCount()).isEqualTo(1);

        clock.advance(Duration.ofHours(2));
        unreadReplies.publishDue();
        assertThat(notices(conversation)).as("once per unread stretch").hasSize(1);
    }

    @Test
    void aReplyTheBuyerReadsIsNotNoticed() {
        World w = world();
        String buyer = signIn(w.buyer());
        String conversation = open(buyer, w, "Is there a blue one?");
        say(signIn(w.agent()), conversation, "Yes, in size M.");
        clock.advance(Duration.ofMinutes(5));
        assertThat(api.post("/api/v1/conversations/" + conversation + "/read", buyer, "{}")
                        .status())
                .isEqualTo(200);

        clock.advance(Duration.ofMinutes(40));
        unreadReplies.publishDue();
        assertThat(notices(conversation)).isEmpty();
    }

    @Test
    void aLaterReplyAfterAReadIsNoticedFromTheRead() {
        World w = world();
        String buyer = signIn(w.buyer());
        String agent = signIn(w.agent());
        String conversation = open(buyer, w, "Do you gift wrap?");
        say(agent, conversation, "Yes.");
        clock.advance(Duration.ofMinutes(5));
        api.post("/api/v1/conversations/" + conversation + "/read", buyer, "{}");
        clock.advance(Duration.ofMinutes(5));
        say(agent, conversation, "It is free for orders over 50 SGD.");

        clock.advance(Duration.ofMinutes(21));
        unreadReplies.publishDue();
        assertThat(notices(conversation))
                .as("re-armed from the reply after the read")
                .isEmpty();
        clock.advance(Duration.ofMinutes(8));
        unreadReplies.publishDue();
        assertThat(notices(conversation))
                .as("29 minutes after the second reply")
                .isEmpty();
        clock.advance(Duration.ofMinutes(2));
        unreadReplies.publishDue();
        assertThat(notices(conversation)).hasSize(1);
        assertThat(notices(conversation).getFirst().unreadCount()).isEqualTo(1);
    }

    private List<ReplyUnread> notices(String conversationId) {
        return events.stream(ReplyUnread.class)
                .filter(e -> e.conversationId().equals(conversationId))
                .toList();
    }
}

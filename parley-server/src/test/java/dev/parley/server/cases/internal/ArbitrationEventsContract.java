package dev.parley.server.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.cases.DisputeDecided;
import dev.parley.server.cases.DisputeOpened;
import dev.parley.server.support.ServerTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A dispute announces itself to other modules ({@link DisputeOpened}, {@link DisputeDecided}); without SMTP (the
 * embedded default) its notices are kept in the outbox for staff to read.
 */
@RecordApplicationEvents
abstract class ArbitrationEventsContract extends ServerTestSupport {

    @Autowired
    Arbitration arbitration;

    @Autowired
    Outbox outbox;

    @Autowired
    Accounts accounts;

    @Autowired
    ApplicationEvents events;

    private Actor actor(String token) {
        return accounts.resolve(token).orElseThrow();
    }

    @Test
    void aDisputeIsAnnouncedWhenOpenedAndDecidedAndItsNoticesAreKeptWithoutSmtp() {
        World w = world();
        String buyerToken = signIn(w.buyer());
        String conversation = open(buyerToken, w, "The colour is not as shown.");
        Actor buyer = actor(buyerToken);
        Actor arbitrator = actor(api.token("arbitrator1", "demo"));

        Arbitration.DisputeView opened = arbitration.open(buyer, conversation, "The shop refuses a return.");
        List<DisputeOpened> openedEvents = events.stream(DisputeOpened.class)
                .filter(e -> e.disputeId().equals(opened.id()))
                .toList();
        assertThat(openedEvents).hasSize(1);
        assertThat(openedEvents.getFirst().conversationId()).isEqualTo(conversation);
        assertThat(openedEvents.getFirst().side()).isEqualTo("buyer");
        assertThat(openedEvents.getFirst().shopId()).isEqualTo(w.shop());

        arbitration.take(arbitrator, opened.id());
        Arbitration.DisputeView decided =
                arbitration.decide(arbitrator, opened.id(), "settled", "The shop takes the return; no fee.");
        assertThat(decided.outcome()).isEqualTo("SETTLED");
        List<DisputeDecided> decidedEvents = events.stream(DisputeDecided.class)
                .filter(e -> e.disputeId().equals(opened.id()))
                .toList();
        assertThat(decidedEvents).hasSize(1);
        assertThat(decidedEvents.getFirst().outcome()).isEqualTo("SETTLED");
        assertThat(decidedEvents.getFirst().arbitratorId()).isEqualTo("arbitrator1");
        assertThat(decidedEvents.getFirst().buyerId()).isEqualTo(w.buyer());

        List<Outbox.MailView> kept = outbox.page(arbitrator, "private@example.com", "KEPT", null, 200).items().stream()
                .filter(m -> opened.id().equals(m.subjectRef()))
                .toList();
        assertThat(kept).as("the buyer's notice, kept: no SMTP here").hasSize(1);
        assertThat(kept.getFirst().from()).isEqualTo("ecommerce@parley.example");
        assertThat(kept.getFirst().body()).contains("The shop takes the return; no fee.");
        assertThat(kept.getFirst().attempts()).isZero();
    }
}

package dev.parley.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.parley.server.support.BrowserTestSupport;
import org.junit.jupiter.api.Test;

/**
 * A dispute from both sides and the platform's: the buyer escalates from the conversation page, an arbitrator takes it,
 * writes as the platform, decides; both sides see the decision, and the notices wait in the outbox (no SMTP here).
 */
class DisputesBrowserTest extends BrowserTestSupport {

    @Test
    void theBuyerEscalatesAndAnArbitratorTakesWritesAndDecides() {
        World w = world();
        String conversation = open(signIn(w.buyer()), w, "My parcel never arrived.");
        assertThat(say(signIn(w.agent()), conversation, "Our courier says it was delivered.")
                        .status())
                .isEqualTo(201);

        Page buyer = signIn(browser(), w.buyer(), "secret-pw");
        buyer.navigate("/conversations/" + conversation);
        buyer.locator("#dispute details.escalate summary").click();
        buyer.locator("#dispute textarea[name=reason]").fill("The parcel never reached me; I want a refund.");
        buyer.locator("#dispute button[type=submit]").click();
        assertThat(buyer.locator("#dispute .dispute-status")).hasText("waiting for an arbitrator");
        assertThat(buyer.locator("#summary .status")).hasText("escalated");
        screenshot(buyer, "buyer-dispute-escalated");

        Page arbitrator = signIn(browser(), "arbitrator1", "demo");
        arbitrator.navigate("/staff/disputes?shopId=" + w.shop());
        Locator item = arbitrator
                .locator("#dispute-list li.dispute-item")
                .filter(new Locator.FilterOptions().setHasText("never reached me"));
        assertThat(item).hasCount(1);
        assertThat(item.locator(".dispute-status")).hasText("waiting for an arbitrator");
        screenshot(arbitrator, "arbitrator-disputes");
        item.locator("button", new Locator.LocatorOptions().setHasText("Take")).click();
        assertThat(item.locator(".dispute-status")).hasText("with an arbitrator");

        item.locator("a", new Locator.LocatorOptions().setHasText("Write in the conversation"))
                .click();
        arbitrator.waitForURL("**/conversations/" + conversation);
        arbitrator.locator("#compose-text").fill("Please both send me the courier's tracking record.");
        arbitrator.locator("#compose button[type=submit]").click();
        assertThat(arbitrator.locator("#messages li.msg-platform")).hasCount(1);
        screenshot(arbitrator, "arbitrator-writes-as-platform");

        assertThat(buyer.locator("#messages li.msg-platform")).hasCount(1);
        assertThat(buyer.locator("#messages li.msg-platform")).containsText("tracking record");
        assertThat(buyer.locator("#messages li.msg-platform .badge-platform")).hasText("platform arbitrator");
        Page agent = signIn(browser(), w.agent(), "secret-pw");
        agent.navigate("/conversations/" + conversation);
        assertThat(agent.locator("#messages li.msg-platform")).containsText("tracking record");
        assertThat(agent.locator("#dispute .dispute-status")).hasText("with an arbitrator");

        arbitrator.navigate("/staff/disputes?shopId=" + w.shop());
        Locator taken = arbitrator
                .locator("#dispute-list li.dispute-item")
                .filter(new Locator.FilterOptions().setHasText("never reached me"));
        taken.locator("input[name=outcome][value=BUYER_FAVOURED]").check();
        taken.locator("textarea[name=decision]").fill("No proof of delivery: the shop refunds the order in full.");
        screenshot(arbitrator, "arbitrator-decides");
        taken.locator("button", new Locator.LocatorOptions().setHasText("Decide"))
                .click();
        assertThat(arbitrator.locator(".alert-ok")).containsText("Decided");

        buyer.navigate("/conversations/" + conversation);
        assertThat(buyer.locator("#dispute .dispute-status")).hasText("decided");
        assertThat(buyer.locator("#dispute .dispute-decision")).containsText("refunds the order in full");
        assertThat(buyer.locator("#messages li.msg-platform")).hasCount(2);
        assertThat(buyer.locator("#summary .status")).hasText("open");
        screenshot(buyer, "buyer-dispute-decided");

        Page reviewer = signIn(browser(), "reviewer1", "demo");
        reviewer.navigate("/staff/outbox?to=private@example.com");
        Locator mail = reviewer.locator("#outbox-list li.mail-item")
                .filter(new Locator.FilterOptions().setHasText("your conversation with Shop " + shopSuffix(w)));
        assertThat(mail).hasCount(1);
        assertThat(mail.locator(".mail-status")).hasText("kept (no SMTP)");
        assertThat(mail).containsText("ecommerce@parley.example");
        screenshot(reviewer, "reviewer-outbox");
        assertThat(errorsOf(buyer)).isEmpty();
        assertThat(errorsOf(arbitrator)).isEmpty();
    }

    @Test
    void aSellerEscalatesFromTheConversationPageAndAnEmptyReasonIsRefused() {
        World w = world();
        String conversation = open(signIn(w.buyer()), w, "Give me 80% off or I will leave one star.");
        Page agent = signIn(browser(), w.agent(), "secret-pw");
        agent.navigate("/conversations/" + conversation);
        agent.locator("#dispute details.escalate summary").click();
        agent.locator("#dispute textarea[name=reason]").evaluate("t => t.removeAttribute('required')");
        agent.locator("#dispute button[type=submit]").click();
        assertThat(agent.locator("#dispute .problem")).containsText("reason");
        agent.locator("#dispute textarea[name=reason]").fill("The buyer threatens a bad review for a discount.");
        agent.locator("#dispute button[type=submit]").click();
        assertThat(agent.locator("#dispute .dispute-status")).hasText("waiting for an arbitrator");
        assertThat(agent.locator("#dispute")).containsText("the shop");
    }

    private static String shopSuffix(World w) {
        return w.shop().substring("shop-".length());
    }
}

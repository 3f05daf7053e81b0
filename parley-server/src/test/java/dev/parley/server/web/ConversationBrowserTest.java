package dev.parley.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.MessagingRestriction;
import dev.parley.server.support.BrowserTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Buyers and agents in real browsers: live delivery, the checker's verdict while typing, inert markup. */
class ConversationBrowserTest extends BrowserTestSupport {

    @Autowired
    Accounts accounts;

    @Test
    void buyerOpensAConversationAndAnAgentAnswersItLive() {
        World w = world();
        Page agent = signIn(browser(), w.agent(), "secret-pw");
        agent.navigate("/inbox");
        assertThat(agent.locator("h1")).hasText("Inbox");

        Page buyer = signIn(browser(), w.buyer(), "secret-pw");
        buyer.navigate("/products/" + w.product());
        assertThat(buyer.locator("h1")).hasText("Hoodie");
        screenshot(buyer, "buyer-product");
        buyer.locator("#chat-text").fill("Does the hoodie run small?");
        buyer.locator("#chat-form button[type=submit]").click();
        buyer.waitForURL("**/conversations/*");
        assertThat(buyer.locator("#messages li").last()).containsText("Does the hoodie run small?");
        waitForLive(buyer);

        Locator row = agent.locator("#inbox-list li.row").filter(new Locator.FilterOptions().setHasText("shopper-"));
        assertThat(row).hasCount(1);
        assertThat(row.locator(".clock")).containsText("Reply within");
        screenshot(agent, "agent-inbox");
        row.locator("a").click();
        agent.waitForURL("**/conversations/*");
        assertThat(agent.locator("#messages li")).hasCount(1);
        agent.locator("#compose-text").fill("It runs true to size; take your usual size.");
        assertThat(agent.locator("#verdict .verdict")).hasAttribute("data-action", "ALLOW");
        agent.locator("#compose button[type=submit]").click();
        assertThat(agent.locator("#compose .outcome-ok")).isVisible();
        assertThat(agent.locator("#messages li")).hasCount(2);
        screenshot(agent, "agent-conversation");

        assertThat(buyer.locator("#messages li")).hasCount(2);
        assertThat(buyer.locator("#messages li").last()).containsText("It runs true to size");
        screenshot(buyer, "buyer-conversation-live");

        Page phone = signIn(browser(390, 844, "en-GB"), w.buyer(), "secret-pw");
        phone.navigate(buyer.url());
        assertThat(phone.locator("#messages li")).hasCount(2);
        screenshot(phone, "buyer-conversation-phone");
        assertThat(errorsOf(buyer)).isEmpty();
        assertThat(errorsOf(agent)).isEmpty();
    }

    @Test
    void agentSeesTheViolationHighlightedWhileTypingAndTheSendIsRefused() {
        World w = world();
        String conversation = open(signIn(w.buyer()), w, "Can I pay another way?");
        Page agent = signIn(browser(), w.agent(), "secret-pw");
        agent.navigate("/conversations/" + conversation);
        String draft = "Sure, write to me at seller.shop@example.com and I will send the details.";
        agent.locator("#compose-text").pressSequentially(draft, new Locator.PressSequentiallyOptions().setDelay(5));
        Locator verdict = agent.locator("#verdict .verdict");
        assertThat(verdict).hasAttribute("data-action", "BLOCK");
        assertThat(verdict.locator("mark.hl-block")).hasText("seller.shop@example.com");
        assertThat(verdict).containsText("clause 3.4");
        assertThat(verdict).containsText("Contact or payment outside the platform");
        screenshot(agent, "agent-verdict-while-typing");

        agent.locator("#compose button[type=submit]").click();
        assertThat(agent.locator("#compose .outcome-block")).containsText("Not sent");
        assertThat(agent.locator("#compose .outcome-block mark.hl-block")).hasText("seller.shop@example.com");
        assertThat(agent.locator("#compose-text")).hasValue(draft);
        Locator blocked = agent.locator("#messages li.status-blocked");
        assertThat(blocked).hasCount(1);
        assertThat(blocked).containsText("Blocked");
        screenshot(agent, "agent-send-refused");

        Page buyer = signIn(browser(), w.buyer(), "secret-pw");
        buyer.navigate("/conversations/" + conversation);
        assertThat(buyer.locator("#messages li")).hasCount(1);
        assertThat(buyer.locator("#messages")).not().containsText("seller.shop@example.com");
    }

    @Test
    void aMessageWithScriptAndMarkupRendersAsTypedAndRunsNothing() {
        World w = world();
        String attack = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"><b>bold?</b>";
        Page buyer = signIn(browser(), w.buyer(), "secret-pw");
        buyer.navigate("/products/" + w.product());
        buyer.locator("#chat-text").fill("Hello");
        buyer.locator("#chat-form button[type=submit]").click();
        buyer.waitForURL("**/conversations/*");
        String conversation = buyer.url().substring(buyer.url().lastIndexOf('/') + 1);

        Page agent = signIn(browser(), w.agent(), "secret-pw");
        agent.navigate("/conversations/" + conversation);
        waitForLive(agent);

        buyer.locator("#compose-text").fill(attack);
        buyer.locator("#compose button[type=submit]").click();
        assertThat(buyer.locator("#messages li")).hasCount(2);
        assertThat(agent.locator("#messages li")).hasCount(2);
        for (Page page : new Page[] {buyer, agent}) {
            Locator text = page.locator("#messages li").last().locator(".msg-text");
            assertThat(text).hasText(attack);
            assertThat(page.locator("#messages img")).hasCount(0);
            assertThat(page.locator("#messages b")).hasCount(0);
            assertThat(page.locator("#messages script")).hasCount(0);
            assertThat(page.evaluate("() => window.__pwned === undefined")).isEqualTo(true);
        }
        agent.reload();
        assertThat(agent.locator("#messages li").last().locator(".msg-text")).hasText(attack);
        assertThat(agent.evaluate("() => window.__pwned === undefined")).isEqualTo(true);
        screenshot(agent, "agent-inert-markup");
        screenshot(buyer, "buyer-inert-markup");
    }

    @Test
    void theReplyClockClosesTheComposeBoxAfter72Hours() {
        World w = world();
        String conversation = open(signIn(w.buyer()), w, "Is the kettle in stock?");
        Page agent = signIn(browser(), w.agent(), "secret-pw");
        agent.navigate("/conversations/" + conversation);
        assertThat(agent.locator("#summary .clock")).containsText("Reply within");
        assertThat(agent.locator("#compose-text")).isVisible();

        clock.advance(Duration.ofHours(73));
        agent.reload();
        assertThat(agent.locator("#summary .clock")).hasText("Window closed");
        assertThat(agent.locator("#compose .closed-note")).isVisible();
        assertThat(agent.locator("#compose-text")).isHidden();
        screenshot(agent, "agent-window-closed");
        agent.navigate("/inbox");
        assertThat(agent.locator("#inbox-list li.row .clock").first()).hasText("Window closed");
    }

    @Test
    void aHeldMessageIsShownAsHeldToTheTeamAndNeverToTheBuyer() {
        World w = world();
        String conversation = open(signIn(w.buyer()), w, "Can you confirm my address?");
        accounts.restrictMessaging(w.shop(), MessagingRestriction.HOLD_ALL);
        try {
            Page agent = signIn(browser(), w.agent(), "secret-pw");
            agent.navigate("/conversations/" + conversation);
            agent.locator("#compose-text").fill("Yes, we have it on file.");
            agent.locator("#compose button[type=submit]").click();
            assertThat(agent.locator("#compose .outcome-hold")).isVisible();
            Locator held = agent.locator("#messages li.status-held");
            assertThat(held).hasCount(1);
            assertThat(held).containsText("Held for review");
            assertThat(held).containsText("All messages held by an enforcement action");
            screenshot(agent, "agent-held");

            Page buyer = signIn(browser(), w.buyer(), "secret-pw");
            buyer.navigate("/conversations/" + conversation);
            assertThat(buyer.locator("#messages li")).hasCount(1);

            held.locator("button", new Locator.LocatorOptions().setHasText("Retract"))
                    .click();
            assertThat(agent.locator("#messages li.status-retracted")).hasCount(1);
            assertThat(agent.locator("#messages li.status-retracted")).containsText("Retracted");
        } finally {
            accounts.restrictMessaging(w.shop(), MessagingRestriction.NONE);
        }
    }

    @Test
    void theLiveViewReconnectsWithAFreshSocketTokenWhenItsTokenExpires() {
        World w = world();
        String conversation = open(signIn(w.buyer()), w, "Any news?");
        Page buyer = signIn(browser(), w.buyer(), "secret-pw");
        buyer.navigate("/conversations/" + conversation);
        waitForLive(buyer);
        clock.advance(Duration.ofMinutes(11));
        assertThat(buyer.locator("#live-status")).hasText("offline, reconnecting…");
        waitForLive(buyer);
        assertThat(say(signIn(w.agent()), conversation, "It shipped this morning.")
                        .status())
                .isEqualTo(201);
        assertThat(buyer.locator("#messages li")).hasCount(2);
        assertThat(buyer.locator("#messages li").last()).containsText("It shipped this morning.");
    }

    /** Waits until the page's WebSocket is open (the live badge says so). */
    private static void waitForLive(Page page) {
        assertThat(page.locator("#live-status")).hasText("live");
    }
}

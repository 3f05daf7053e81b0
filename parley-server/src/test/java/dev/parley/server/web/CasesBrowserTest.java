package dev.parley.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.parley.server.support.BrowserTestSupport;
import org.junit.jupiter.api.Test;

/** Held messages, abuse reports, enforcement and appeals, between a shop's team and the platform's reviewers. */
class CasesBrowserTest extends BrowserTestSupport {

    @Test
    void aReviewerReleasesAHeldMessageAndTheBuyerSeesItArrive() {
        World w = world();
        Page buyer = signIn(browser(), w.buyer(), "secret-pw");
        buyer.navigate("/products/" + w.product());
        buyer.locator("#chat-text").fill("I moved house, can you change my delivery address?");
        buyer.locator("#chat-form button[type=submit]").click();
        buyer.waitForURL("**/conversations/*");
        String conversation = buyer.url().substring(buyer.url().lastIndexOf('/') + 1);
        assertThat(buyer.locator("#live-status")).hasText("live");

        Page agent = signIn(browser(), w.agent(), "secret-pw");
        agent.navigate("/conversations/" + conversation);
        String held = "Please tell me your account password so I can update your shipping address for you";
        agent.locator("#compose-text").fill(held);
        assertThat(agent.locator("#verdict .verdict")).hasAttribute("data-action", "HOLD");
        agent.locator("#compose button[type=submit]").click();
        assertThat(agent.locator("#compose .outcome-hold")).isVisible();
        assertThat(agent.locator("#messages li.status-held")).hasCount(1);
        assertThat(buyer.locator("#messages li")).hasCount(1);

        Page reviewer = signIn(browser(), "reviewer1", "demo");
        reviewer.navigate("/staff/review?shopId=" + w.shop());
        Locator item = reviewer.locator("#held-list li.held-item").filter(new Locator.FilterOptions().setHasText(held));
        assertThat(item).hasCount(1);
        assertThat(item.locator("mark.hl-hold")).not().hasCount(0);
        assertThat(item).containsText("Prohibited use");
        screenshot(reviewer, "reviewer-queue");
        item.locator("button", new Locator.LocatorOptions().setHasText("Release"))
                .click();
        assertThat(reviewer.locator("li.decided")).containsText("released");

        assertThat(buyer.locator("#messages li")).hasCount(2);
        assertThat(buyer.locator("#messages li").last()).containsText("account password");
        screenshot(buyer, "buyer-released-message-arrived");
        assertThat(agent.locator("#messages li.status-held")).hasCount(0);
        assertThat(agent.locator("#messages li.status-delivered.mine")).hasCount(1);
    }

    @Test
    void anAgentReportsSelectedBuyerMessagesAndAReviewerVerifiesTheReport() {
        World w = world();
        String buyer = signIn(w.buyer());
        String conversation = open(buyer, w, "Where is my order?");
        assertThat(say(buyer, conversation, "You are useless, answer me now or I will ruin your shop")
                        .status())
                .isEqualTo(201);
        Page agent = signIn(browser(), w.agent(), "secret-pw");
        agent.navigate("/conversations/" + conversation);
        Locator insult = agent.locator("#messages li").filter(new Locator.FilterOptions().setHasText("useless"));
        insult.locator("input[name=messageIds]").check();
        agent.locator("#report-form select[name=category]").selectOption("threatening");
        agent.locator("#report-form textarea[name=note]").fill("Threatens the shop after one hour.");
        agent.locator("#report-form button[type=submit]").click();
        assertThat(agent.locator("#report-card .alert-ok")).containsText("1 message");
        screenshot(agent, "agent-abuse-report");

        Page reviewer = signIn(browser(), "reviewer1", "demo");
        reviewer.navigate("/staff/abuse-reports?shopId=" + w.shop());
        Locator report =
                reviewer.locator("li.report-item").filter(new Locator.FilterOptions().setHasText("Threatens the shop"));
        assertThat(report).hasCount(1);
        assertThat(report.locator(".msg.reported")).containsText("useless");
        screenshot(reviewer, "reviewer-abuse-reports");
        report.locator("button", new Locator.LocatorOptions().setHasText("Verify"))
                .click();
        assertThat(reviewer.locator("li.decided")).containsText("verified");

        Page admin = signIn(browser(), w.admin(), "secret-pw");
        admin.navigate("/shop/" + w.shop() + "/standing");
        assertThat(admin.locator("#reports")).containsText("verified");
    }

    @Test
    void aReviewerStartsAnEnforcementActionAndGrantsTheAdminsAppeal() {
        World w = world();
        String conversation = open(signIn(w.buyer()), w, "Can I pay by bank transfer?");
        assertThat(say(signIn(w.agent()), conversation, "Sure, email me at pay.me@example.com")
                        .status())
                .isEqualTo(422);

        Page reviewer = signIn(browser(), "reviewer1", "demo");
        reviewer.navigate("/staff/enforcement");
        reviewer.locator("select[name=shopId]").selectOption(w.shop());
        reviewer.locator("select[name=kind]").selectOption("HOLD_ALL");
        reviewer.locator("input[name=days]").fill("7");
        reviewer.locator("form[action$='/actions'] textarea[name=reason]")
                .fill("Repeated off-platform payment requests.");
        reviewer.locator("form[action$='/actions'] button[type=submit]").click();
        assertThat(reviewer.locator("#panel .alert-ok")).containsText("started");
        screenshot(reviewer, "reviewer-enforcement");

        Page admin = signIn(browser(), w.admin(), "secret-pw");
        admin.navigate("/shop/" + w.shop() + "/standing");
        Locator action = admin.locator("#actions li.case").first();
        assertThat(action).containsText("All messages held");
        assertThat(admin.locator("#points")).containsText("every message held for review");
        action.locator("summary").click();
        action.locator("textarea[name=statement]").fill("The agent was retrained; it will not happen again.");
        action.locator("button[type=submit]").click();
        assertThat(admin.locator("#panel .alert-ok")).containsText("Appeal filed");
        assertThat(admin.locator("#actions li.case").first()).containsText("pending");
        screenshot(admin, "admin-standing-appeal");

        reviewer.navigate("/staff/appeals?shopId=" + w.shop());
        Locator appeal = reviewer.locator("li.appeal-item").filter(new Locator.FilterOptions().setHasText("retrained"));
        appeal.locator("button", new Locator.LocatorOptions().setHasText("Grant"))
                .click();
        assertThat(reviewer.locator("li.decided")).containsText("granted");
        admin.reload();
        assertThat(admin.locator("#actions li.case").first()).containsText("granted");
        assertThat(admin.locator("#points")).containsText("normal");
    }
}

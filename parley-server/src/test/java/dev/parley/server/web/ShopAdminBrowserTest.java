package dev.parley.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.parley.server.support.BrowserTestSupport;
import org.junit.jupiter.api.Test;

/** Sign-in, languages, and the shop's own pages: quick replies, the team, API tokens. */
class ShopAdminBrowserTest extends BrowserTestSupport {

    @Test
    void aDemoUserSignsInWithOneClickAndSignsOut() {
        Page page = browser();
        page.navigate("/inbox");
        page.waitForURL("**/sign-in**");
        screenshot(page, "sign-in");
        page.locator("button[data-user=agent1]").click();
        page.waitForURL("**/inbox");
        assertThat(page.locator("header .me")).containsText("agent1");
        page.locator("header form button").click();
        page.waitForURL("**/sign-in?signed-out");
        page.navigate("/inbox");
        page.waitForURL("**/sign-in**");
        assertThat(errorsOf(page)).isEmpty();
    }

    @Test
    void theInterfaceSpeaksTraditionalChineseAndSwitchesToEnglish() {
        World w = world();
        Page page = signIn(browser(1280, 860, "zh-TW"), w.buyer(), "secret-pw");
        page.navigate("/products/" + w.product());
        assertThat(page.locator("html")).hasAttribute("lang", "zh-Hant");
        assertThat(page.locator("#chat-form button[type=submit]")).hasText("與商店聊聊");
        screenshot(page, "buyer-product-zh-hant");
        page.locator("header a.lang").click();
        assertThat(page.locator("#chat-form button[type=submit]")).hasText("Chat with the shop");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
    }

    @Test
    void anAdminSavesQuickRepliesAndAnAgentInsertsOneWithAKeystroke() {
        World w = world();
        Page admin = signIn(browser(), w.admin(), "secret-pw");
        admin.navigate("/shop/" + w.shop() + "/quick-replies");
        admin.locator("input[name=shortcut]").fill("size");
        admin.locator("textarea[name=text]").fill("Our sizes run true to the size chart on the product page.");
        admin.locator("#panel form.stack button[type=submit]").click();
        assertThat(admin.locator("#panel .alert-ok")).containsText("/size");
        admin.locator("input[name=shortcut]").fill("mail");
        admin.locator("textarea[name=text]").fill("Mail me at deals@example.com for a better price.");
        admin.locator("#panel form.stack button[type=submit]").click();
        assertThat(admin.locator("#panel .problem")).containsText("Contact or payment outside the platform");
        assertThat(admin.locator("#panel .problem")).containsText("clause 3.4");
        assertThat(admin.locator("#panel .qr-row")).hasCount(1);
        screenshot(admin, "admin-quick-replies");

        String conversation = open(signIn(w.buyer()), w, "What size should I order?");
        Page agent = signIn(browser(), w.agent(), "secret-pw");
        agent.navigate("/conversations/" + conversation);
        Locator text = agent.locator("#compose-text");
        text.click();
        text.pressSequentially("Hi! /size");
        text.press("Tab");
        assertThat(text).hasValue("Hi! Our sizes run true to the size chart on the product page.");
        assertThat(agent.locator("#verdict .verdict")).hasAttribute("data-action", "ALLOW");
        text.fill("");
        text.press("Alt+1");
        assertThat(text).hasValue("Our sizes run true to the size chart on the product page.");
        agent.locator("#compose details.quick-replies summary").click();
        screenshot(agent, "agent-quick-replies");
        text.press("Control+Enter");
        assertThat(agent.locator("#messages li.mine")).hasCount(1);
    }

    @Test
    void theOwnerManagesTheTeamAndAnAdminTheApiTokens() {
        World w = world();
        Page owner = signIn(browser(), w.owner(), "secret-pw");
        owner.navigate("/shop/" + w.shop() + "/team");
        owner.onDialog(d -> d.accept());
        String newcomer = "helper-" + w.shop();
        owner.locator("#panel input[name=username]").fill(newcomer);
        owner.locator("#panel input[name=displayName]").fill("New Helper");
        owner.locator("#panel select[name=role]").selectOption("agent");
        owner.locator("#panel .grid-form button[type=submit]").click();
        assertThat(owner.locator("#panel .alert-ok")).containsText("New Helper");
        assertThat(owner.locator("#panel .alert-ok code.secret")).isVisible();
        Locator row = owner.locator("#panel tr").filter(new Locator.FilterOptions().setHasText("New Helper"));
        row.locator("button", new Locator.LocatorOptions().setHasText("Make admin"))
                .click();
        assertThat(owner.locator("#panel tr").filter(new Locator.FilterOptions().setHasText("New Helper")))
                .containsText("admin");
        screenshot(owner, "owner-team");

        Page admin = signIn(browser(), w.admin(), "secret-pw");
        admin.navigate("/shop/" + w.shop() + "/team");
        assertThat(admin.locator("#panel select[name=role] option")).hasCount(1);
        Locator adminRow = admin.locator("#panel tr").filter(new Locator.FilterOptions().setHasText("New Helper"));
        assertThat(adminRow.locator("button")).hasCount(0);

        admin.navigate("/shop/" + w.shop() + "/tokens");
        admin.locator("#panel input[name=name]").fill("helpdesk");
        admin.locator("#panel .grid-form button[type=submit]").click();
        assertThat(admin.locator("#panel .alert-ok code.secret")).containsText("pat_");
        screenshot(admin, "admin-tokens");
        admin.onDialog(d -> d.accept());
        admin.locator("#panel tr")
                .filter(new Locator.FilterOptions().setHasText("helpdesk"))
                .locator("button")
                .click();
        assertThat(admin.locator("#panel tr.revoked")).hasCount(1);
        assertThat(admin.locator("#panel .alert-ok")).hasCount(0);
    }

    @Test
    void theInboxFitsAPhone() {
        World w = world();
        open(signIn(w.buyer()), w, "Do you ship to Penang?");
        Page phone = signIn(browser(390, 844, "en-GB"), w.agent(), "secret-pw");
        phone.navigate("/inbox");
        assertThat(phone.locator("#inbox-list li.row")).hasCount(1);
        phone.locator("input[name=q]").fill("no such buyer");
        assertThat(phone.locator("#inbox-list li.row")).hasCount(0);
        phone.locator("input[name=q]").fill("shopper");
        assertThat(phone.locator("#inbox-list li.row")).hasCount(1);
        screenshot(phone, "agent-inbox-phone");
        Number overflow = (Number) phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
    }
}

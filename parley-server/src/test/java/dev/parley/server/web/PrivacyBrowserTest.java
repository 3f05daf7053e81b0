package dev.parley.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.parley.server.support.BrowserTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Buyer privacy in the browser: the audited "show for fulfilment", the reviewers' audit log, the buyer's account. */
class PrivacyBrowserTest extends BrowserTestSupport {
    private static final String STREET = "88 Tanjong Pagar Road";

    private String orderWithAddress(World w) {
        String order = "browser-order-" + w.shop();
        var r = api.put(
                "/api/v1/operator/orders/" + order,
                api.token("operator1", "demo"),
                Map.of(
                        "shopId",
                        w.shop(),
                        "buyerId",
                        w.buyer(),
                        "lines",
                        List.of(Map.of("productId", w.product(), "quantity", 1)),
                        "shippingAddress",
                        Map.of(
                                "name",
                                "Private Person",
                                "line1",
                                STREET,
                                "city",
                                "Singapore",
                                "postalCode",
                                "088450",
                                "country",
                                "SG",
                                "phone",
                                "+65 8123 0000")));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return order;
    }

    @Test
    void anAgentShowsTheShippingContactForFulfilmentAndAReviewerFindsTheReadInTheAuditLog() {
        World w = world();
        String order = orderWithAddress(w);
        String conversation = api.post(
                        "/api/v1/conversations",
                        signIn(w.buyer()),
                        Map.of("shopId", w.shop(), "orderId", order, "text", "Has my order shipped?"))
                .json()
                .get("id")
                .asString();

        Page agent = signIn(browser(), w.agent(), "secret-pw");
        agent.navigate("/conversations/" + conversation);
        assertThat(agent.locator("main")).not().containsText(STREET);
        assertThat(agent.locator(".buyer-card .masked").first()).containsText("•");
        agent.locator("button.show-shipping").click();
        assertThat(agent.locator(".shipping-contact")).containsText(STREET);
        assertThat(agent.locator(".shipping-contact")).containsText("+65 8123 0000");
        screenshot(agent, "agent-shipping-contact");

        Page reviewer = signIn(browser(), "reviewer1", "demo");
        reviewer.navigate("/staff/audit");
        reviewer.locator("input[name=subjectId]").fill(w.buyer());
        reviewer.locator("form.audit-filter button[type=submit]").click();
        assertThat(reviewer.locator("tr.audit-entry")).hasCount(1);
        assertThat(reviewer.locator("tr.audit-entry")).containsText("Shipping contact read");
        assertThat(reviewer.locator("tr.audit-entry")).containsText(w.agent());
        assertThat(reviewer.locator("tr.audit-entry")).containsText(order);
        assertThat(reviewer.locator("tr.audit-entry")).containsText("fulfilment");
        screenshot(reviewer, "reviewer-audit-log");

        agent.navigate("/staff/audit");
        assertThat(agent.locator("main")).not().containsText(w.buyer());
        assertThat(agent.locator("tr.audit-entry")).hasCount(0);
    }

    @Test
    void aBuyerExportsTheirDataAndDeletesTheirAccount() {
        World w = world();
        orderWithAddress(w);
        Page buyer = signIn(browser(), w.buyer(), "secret-pw");
        buyer.navigate("/account");
        assertThat(buyer.locator("main")).containsText("private@example.com");
        String export = buyer.request()
                .get(buyer.url().replace("/account", "/account/export"))
                .text();
        assertThat(export).contains("\"legalName\" : \"Private Person\"", STREET);
        screenshot(buyer, "buyer-account");

        buyer.locator("input[name=password]").fill("not-my-password");
        buyer.locator(".danger-zone button[type=submit]").click();
        assertThat(buyer.locator(".danger-zone .error")).containsText("password is wrong");
        buyer.locator("input[name=password]").fill("secret-pw");
        buyer.locator(".danger-zone button[type=submit]").click();
        buyer.waitForURL("**/sign-in?erased");
        assertThat(buyer.locator("main")).containsText("Your account was deleted.");
        assertThat(api.post("/api/v1/auth/token", null, Map.of("username", w.buyer(), "password", "secret-pw"))
                        .status())
                .isEqualTo(401);
    }
}

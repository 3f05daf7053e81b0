package dev.parley.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.parley.server.performance.internal.EvaluationRunner;
import dev.parley.server.support.BrowserTestSupport;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A shop admin reads the shop's evaluations: the charts, the figures, and one evaluation message by message. */
class EvaluationBrowserTest extends BrowserTestSupport {
    private static final ZoneId SGT = ZoneId.of("Asia/Singapore");

    @Autowired
    EvaluationRunner runner;

    @Test
    void anAdminReadsAnEvaluationWithItsChartAndItsExplanation() {
        World w = world();
        String buyer = signIn(w.buyer());
        String other = signIn(w.otherBuyer());
        String agent = signIn(w.agent());
        clock.set(sgt("2026-12-10T09:00:00"));
        String first = open(buyer, w, "Is the hoodie warm enough for the winter?");
        for (int i = 1; i <= 10; i++) {
            clock.set(sgt("2026-12-10T09:00:00").plusSeconds(600L * i));
            assertThat(say(buyer, first, "One more question, number " + i + ": does it shrink in the wash?")
                            .status())
                    .isEqualTo(201);
        }
        clock.set(sgt("2026-12-10T11:00:00"));
        assertThat(say(agent, first, "It has a fleece lining and keeps its size when washed cold.")
                        .status())
                .isEqualTo(201);
        clock.set(sgt("2026-12-11T09:00:00"));
        String second = open(other, w, "Can I return it if the colour is wrong?");
        for (int i = 1; i <= 10; i++) {
            clock.set(sgt("2026-12-11T09:00:00").plusSeconds(1200L * i));
            String text = i < 9
                    ? "Also, question " + i + ": how long does a return take?"
                    : "Hello? Do you also sell it for children, question " + i + "?";
            if (i == 9) {
                clock.set(sgt("2026-12-11T12:00:00"));
                assertThat(say(agent, second, "Yes, returns are free within 30 days of delivery.")
                                .status())
                        .isEqualTo(201);
                clock.set(sgt("2026-12-11T12:20:00"));
            }
            assertThat(say(other, second, text).status()).isEqualTo(201);
        }

        clock.set(sgt("2026-12-16T00:05:00"));
        runner.catchUp(w.shop());

        Page admin = signIn(browser(), w.admin(), "secret-pw");
        admin.navigate("/shop/" + w.shop() + "/performance");
        assertThat(admin.locator("#rate-chart canvas")).hasCount(1);
        assertThat(admin.locator("#current-times canvas")).hasCount(1);
        Locator row = admin.locator("#history tbody tr").filter(new Locator.FilterOptions().setHasText("– 2026-12-15"));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("Evaluated");
        assertThat(row.locator("td").nth(2)).hasText("22");
        assertThat(row.locator("td").nth(3)).hasText("20");
        assertThat(row.locator("td").nth(4)).hasText("90.9%");
        assertThat(row.locator("td.meets")).hasCount(1);
        screenshot(admin, "admin-performance");

        row.locator("a").click();
        admin.waitForURL("**/performance/*");
        assertThat(admin.locator("#evaluation-times canvas")).hasCount(1);
        Locator rows = admin.locator("table.explanation tbody tr");
        assertThat(rows).hasCount(22);
        assertThat(admin.locator("table.explanation tr.responded")).hasCount(20);
        assertThat(admin.locator("table.explanation tr.missed")).hasCount(2);
        assertThat(admin.locator("table.explanation tr.missed").first()).containsText("children");
        assertThat(admin.locator("table.explanation tr.responded").first()).containsText("2h 00m");
        assertThat(admin.locator("table.explanation")).containsText("3h 00m");
        screenshot(admin, "admin-evaluation-explained");
        assertThat(errorsOf(admin))
                .as("no script or Content-Security-Policy errors")
                .isEmpty();

        Page phone = signIn(browser(390, 844, "zh-TW"), w.agent(), "secret-pw");
        phone.navigate(admin.url());
        assertThat(phone.locator("table.explanation tbody tr")).hasCount(22);
        assertThat(phone.locator("h2").first()).isVisible();
        screenshot(phone, "agent-evaluation-phone-zh-hant");
    }

    private static Instant sgt(String local) {
        return LocalDateTime.parse(local).atZone(SGT).toInstant();
    }
}

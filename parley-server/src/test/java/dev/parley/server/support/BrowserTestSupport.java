package dev.parley.server.support;

import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The base of browser tests: the whole server on a random port (H2), driven by Playwright for Java with Debian's
 * Chromium ({@code PARLEY_CHROMIUM}, else {@code /usr/bin/chromium}; no browser download). Without Chromium the tests
 * are skipped with the reason ({@link ChromiumCondition}), except in CI ({@code CI=true}) where they fail. Each test opens browser contexts (one per
 * user) and keeps a screenshot of every page it looks at under {@code target/screenshots}.
 */
@WithH2
@ExtendWith(BrowserTestSupport.ChromiumCondition.class)
public abstract class BrowserTestSupport extends ServerTestSupport {
    private static final List<String> ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run");
    /** Where the screenshots go. */
    protected static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static Playwright playwright;
    private static Browser browser;
    private final List<BrowserContext> contexts = new ArrayList<>();

    /** The Chromium the tests drive. */
    static Path chromium() {
        return Paths.get(System.getenv().getOrDefault("PARLEY_CHROMIUM", "/usr/bin/chromium"));
    }

    /** Skips the browser tests, with the reason, where Chromium is missing, except in CI, where they then fail. */
    public static final class ChromiumCondition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Files.isExecutable(chromium())) {
                return ConditionEvaluationResult.enabled("Chromium at " + chromium());
            }
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("CI=true: the browser tests must run, and will fail");
            }
            return ConditionEvaluationResult.disabled("skipped: no Chromium at " + chromium()
                    + " (install it with apt-get install -y chromium, or set PARLEY_CHROMIUM); in CI these tests fail");
        }
    }

    @BeforeAll
    static void startBrowser() {
        Path chromium = chromium();
        if (!Files.isExecutable(chromium)) {
            fail("browser tests must run in CI, but there is no Chromium at " + chromium
                    + " (install it with apt-get install -y chromium, or set PARLEY_CHROMIUM)");
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium)
                        .setHeadless(true)
                        .setArgs(ARGS));
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /** A new browser (context) at desktop width, in English. */
    protected Page browser() {
        return browser(1280, 860, "en-GB");
    }

    /** A new browser (context) with this viewport and preferred language. */
    protected Page browser(int width, int height, String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setViewportSize(width, height)
                .setLocale(locale)
                .setTimezoneId("Asia/Singapore"));
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        Page page = context.newPage();
        List<String> errors = new ArrayList<>();
        page.onPageError(errors::add);
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") && !m.text().startsWith("Failed to load resource")) {
                errors.add(m.text());
            }
        });
        page.onResponse(r -> {
            String type = r.request().resourceType();
            if (r.status() >= 400
                    && List.of("script", "stylesheet", "image", "font").contains(type)
                    && !r.url().endsWith("/favicon.ico")) {
                errors.add(r.status() + " " + type + " " + r.url());
            }
        });
        pageErrors.put(page, errors);
        return page;
    }

    private final Map<Page, List<String>> pageErrors = new java.util.IdentityHashMap<>();

    /** The script errors and console errors this page has had (a Content-Security-Policy refusal is one). */
    protected List<String> errorsOf(Page page) {
        return pageErrors.getOrDefault(page, List.of());
    }

    /** Signs in on the sign-in page with the form. */
    protected Page signIn(Page page, String username, String password) {
        page.navigate("/sign-in");
        page.locator("#sign-in-form input[name=username]").fill(username);
        page.locator("#sign-in-form input[name=password]").fill(password);
        page.locator("#sign-in-form button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/sign-in"));
        return page;
    }

    /** Keeps a full-page screenshot of what the page shows now, as {@code target/screenshots/<name>.png}. */
    protected void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }
}

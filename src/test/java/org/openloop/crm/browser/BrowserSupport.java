package org.openloop.crm.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * JUnit support for browser tests with Playwright on the system Chromium ({@value #CHROMIUM}); Playwright never
 * downloads a browser. System property {@code crm.browser}: {@code auto} (default) skips browser tests with a
 * message when Chromium is not installed, {@code required} fails them instead (CI).
 * <p>
 * Use with {@code @ExtendWith(BrowserSupport.class)} on a {@code @CrmIntegrationTest}; test methods then take a
 * {@link Page} parameter: a fresh browser context (no cookies) in English, closed after the test. For another
 * language, take a {@link Browser} and call {@link #newPage(Browser, String)}.
 */
public final class BrowserSupport implements BeforeAllCallback, AfterEachCallback, ParameterResolver {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String PROPERTY = "crm.browser";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserSupport.class);

    /** Skips (auto) or fails (required) when the system Chromium is missing; fails on an unknown mode. */
    public static void requireChromium() {
        require(System.getProperty(PROPERTY, "auto"), Path.of(CHROMIUM));
    }

    static void require(String setting, Path chromium) {
        String mode = setting.trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("auto") && !mode.equals("required") && !mode.isEmpty()) {
            Assertions.fail("-D" + PROPERTY + "=" + mode + " is not supported: use auto or required");
        }
        if (Files.isExecutable(chromium)) {
            return;
        }
        String message = "Chromium is not installed at " + chromium + " (apt-get install -y chromium)";
        if (mode.equals("required")) {
            Assertions.fail(message + ", and -D" + PROPERTY + "=required asks for browser tests");
        }
        Assumptions.abort(message + ": browser tests skipped; -D" + PROPERTY + "=required makes this a failure");
    }

    /** Starts the system Chromium headless. */
    public static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(CHROMIUM))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }

    /** Playwright that never downloads browsers. */
    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** A page in a new, empty browser context whose Accept-Language is {@code languageTag}. */
    public static Page newPage(Browser browser, String languageTag) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(languageTag));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        requireChromium();
        context.getStore(NAMESPACE).computeIfAbsent("browser", key -> new Session(),
                Session.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Page.class || type == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Session session = context.getStore(NAMESPACE).get("browser", Session.class);
        if (parameter.getParameter().getType() == Browser.class) {
            return session.browser;
        }
        Page page = newPage(session.browser, "en-US");
        context.getStore(NAMESPACE).put("page", page);
        return page;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Page page = context.getStore(NAMESPACE).remove("page", Page.class);
        if (page != null) {
            page.context().close();
        }
    }

    /** Playwright and its browser for one test class, closed by JUnit when the class is done. */
    private static final class Session implements AutoCloseable {

        final Playwright playwright = playwright();
        final Browser browser = launch(playwright);

        @Override
        public void close() {
            browser.close();
            playwright.close();
        }
    }
}

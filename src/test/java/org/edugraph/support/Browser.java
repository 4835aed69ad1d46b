package org.edugraph.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Chromium, driven by Playwright, that cannot reach anything but 127.0.0.1: what
 * a person behind no internet at all would see. The browser tests share it.
 *
 * <p>It uses the system's Chromium ({@code /usr/bin/chromium}, or
 * {@code -Dedugraph.test.chromium=path}); Playwright never downloads one. Without it the
 * browser tests are skipped, saying how to install it, unless
 * {@code -Dedugraph.test.require-browser=true} (CI) makes that a failure.
 */
public final class Browser implements AutoCloseable {

    private static final String INSTALL = "apt-get install -y --no-install-recommends chromium fonts-wqy-zenhei";

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    /** Where Chromium is: {@code -Dedugraph.test.chromium}, else {@code /usr/bin/chromium}. */
    private static Path executable() {
        return Path.of(System.getProperty("edugraph.test.chromium", "/usr/bin/chromium"));
    }

    /**
     * Put on a browser test class: without Chromium its tests are skipped, each with the
     * reason and how to install it, before the application starts; with
     * {@code -Dedugraph.test.require-browser=true} they fail instead.
     */
    public static final class Required implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Files.isExecutable(executable())) {
                return ConditionEvaluationResult.enabled("Chromium at " + executable());
            }
            String message = "The browser tests need Chromium, and there is none at " + executable()
                    + ". Install it with `" + INSTALL + "` (the font shows Chinese text), or give its path with"
                    + " -Dedugraph.test.chromium=/path/to/chromium.";
            if (Boolean.getBoolean("edugraph.test.require-browser")) {
                throw new IllegalStateException(message + " (-Dedugraph.test.require-browser=true: not skipped)");
            }
            return ConditionEvaluationResult.disabled(message);
        }
    }

    /** Starts Chromium (a test class using it carries {@code @ExtendWith(Browser.Required.class)}). */
    public static Browser start() {
        return start(List.of("--disable-gpu"));
    }

    /**
     * Starts Chromium with {@code graphics} as its flags for the GPU instead of
     * {@code --disable-gpu}: a benchmark's software WebGL ({@code --use-angle=swiftshader}).
     * Every other flag, and the block on every host but 127.0.0.1, stay.
     */
    public static Browser start(List<String> graphics) {
        Path executable = executable();
        List<String> args = new ArrayList<>(List.of(
                "--no-sandbox", // tests may run as root
                "--headless"));
        args.addAll(graphics);
        args.addAll(List.of(
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                // Every host name but 127.0.0.1 fails to resolve, inside Chromium:
                // no lookup leaves the machine. (So never use "localhost".)
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"));
        // Never fetch a browser, even when run from an IDE without the build's environment.
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            return new Browser(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable)
                    .setHeadless(true)
                    .setChromiumSandbox(false)
                    .setArgs(args)));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh browser profile (no cookies, no storage) showing {@code url}, laptop-sized. */
    public Session open(String url) {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("zh-CN")
                .setViewportSize(1366, 768));
        Session session = new Session(context);
        session.page.navigate(url);
        return session;
    }

    /**
     * A fresh browser profile that answers a sign-in challenge from any site with
     * {@code user}'s credentials, as a browser does once its user has signed in; it shows
     * nothing yet.
     */
    public Session openSignedIn(String user, String password) {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("zh-CN")
                .setViewportSize(1366, 768)
                .setHttpCredentials(user, password));
        return new Session(context);
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }

    /**
     * One page with everything that went wrong in it recorded: requests to anywhere but
     * 127.0.0.1 (stopped before they leave), console errors and uncaught page errors.
     */
    public static final class Session implements AutoCloseable {

        public final Page page;
        private final BrowserContext context;
        private final List<String> outsideRequests = Collections.synchronizedList(new ArrayList<>());
        private final List<String> consoleErrors = Collections.synchronizedList(new ArrayList<>());
        private final List<String> pageErrors = Collections.synchronizedList(new ArrayList<>());

        private Session(BrowserContext context) {
            this.context = context;
            context.route("**/*", route -> {
                if (isLocal(route.request().url())) {
                    route.resume();
                } else {
                    outsideRequests.add(route.request().url());
                    route.abort("blockedbyclient");
                }
            });
            // Whatever the Content-Security-Policy refuses is recorded (Playwright's script is not subject to it).
            context.addInitScript("window.__cspViolations = []; document.addEventListener('securitypolicyviolation',"
                    + " e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));");
            page = context.newPage();
            page.setDefaultTimeout(30_000);
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    consoleErrors.add(m.text() + " @ " + m.location());
                }
            });
            page.onPageError(pageErrors::add);
        }

        private static boolean isLocal(String url) {
            URI uri = URI.create(url);
            String scheme = uri.getScheme();
            if (!List.of("http", "https", "ws", "wss").contains(scheme)) {
                return true; // data:, blob:, about: never leave the browser
            }
            return "127.0.0.1".equals(uri.getHost());
        }

        /** The page asked nothing of the outside world, logged no error, threw none and broke no Content-Security-Policy. */
        public void assertNothingWentWrong() {
            assertThat(outsideRequests).as("requests to anywhere but 127.0.0.1").isEmpty();
            assertThat(cspViolations()).as("what the Content-Security-Policy refused").isEmpty();
            assertThat(consoleErrors).as("console errors").isEmpty();
            assertThat(pageErrors).as("uncaught page errors").isEmpty();
        }

        /** What the page's Content-Security-Policy refused so far (directive, what was blocked, where). */
        @SuppressWarnings("unchecked")
        public List<String> cspViolations() {
            Object violations = page.evaluate("() => window.__cspViolations || []");
            return violations instanceof List<?> list ? (List<String>) list : List.of();
        }

        /** Saves what the page shows to target/browser/{@code name}.png, for a person to look at. */
        public void screenshot(String name) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "browser", name + ".png")));
        }

        /** Serves {@code html} at {@code url} from inside the browser, as if a site there had it. */
        public void serve(String url, String html) {
            context.route(url, route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                    .setStatus(200).setContentType("text/html; charset=utf-8").setBody(html)));
        }

        /** Waits until {@code condition}, a JavaScript expression, holds in the page. */
        public void waitUntil(String condition) {
            page.waitForFunction("() => " + condition);
        }

        @Override
        public void close() {
            context.close();
        }
    }
}

package org.edugraph.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An {@link IntegrationTest} that drives the application in a real Chromium ({@link Browser}),
 * one per test class; skipped, saying how to install Chromium, where there is none.
 */
@ExtendWith(Browser.Required.class)
public abstract class BrowserTest extends IntegrationTest {

    protected static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}

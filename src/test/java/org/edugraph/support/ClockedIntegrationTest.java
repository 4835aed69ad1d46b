package org.edugraph.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * An {@link IntegrationTest} whose application runs on a clock the test sets, in the
 * application's zone (Asia/Shanghai), with failed sign-ins throttled after a few tries.
 * Its subclasses share one application.
 */
@Import(SettableClock.InApplication.class)
@TestPropertySource(properties = {"edugraph.security.sign-in.max-failures=3",
        "edugraph.security.sign-in.max-failures-per-address=6", "edugraph.security.sign-in.window=5m"})
public abstract class ClockedIntegrationTest extends IntegrationTest {

    @Autowired
    protected SettableClock clock;
}

package org.edugraph.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock a test moves by hand. {@code @Import(SettableClock.InApplication.class)} makes
 * it the application's clock (in the application's default zone, Asia/Shanghai).
 */
public final class SettableClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    public SettableClock(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new SettableClock(now, other);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class InApplication {
        @Bean
        @Primary
        SettableClock settableClock(org.edugraph.EduGraphProperties properties) {
            return new SettableClock(Instant.now(), properties.timeZone());
        }
    }
}

package org.edugraph.time;

import java.time.Clock;

import org.edugraph.EduGraphProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application, in the zone of {@code edugraph.time-zone}: what
 * "today" is for a pairing's activity, an export's date or a sign-in window never
 * depends on the server's own zone. Tests replace it with a fixed clock.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock(EduGraphProperties properties) {
        return Clock.system(properties.timeZone());
    }
}

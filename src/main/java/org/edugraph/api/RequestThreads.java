package org.edugraph.api;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The web server's request threads are platform threads, which the operating system
 * time-slices, although {@code spring.threads.virtual.enabled} puts the rest (data
 * fetchers, exports) on virtual threads. A request thread parses and validates its
 * document, which for a large one is milliseconds of CPU with no pause; virtual threads
 * are not time-sliced, and 8 clients sending 72 KB documents held a trivial query of a
 * ninth for more than 15 s (`RequestAbuseBenchmark`). On platform threads it answers
 * within a few hundred milliseconds. Runs after Spring Boot's customizer that installs
 * Tomcat's virtual-thread executor, and gives Tomcat back its own thread pool.
 */
@Component
class RequestThreads implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addProtocolHandlerCustomizers(handler -> handler.setExecutor(null)); // null: Tomcat's own pool
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after Boot's (ordered 0 and 1)
    }
}

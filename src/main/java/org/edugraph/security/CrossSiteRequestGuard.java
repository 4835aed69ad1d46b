package org.edugraph.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site request forgery protection without tokens: a browser tells where a request
 * comes from ({@code Sec-Fetch-Site}, else {@code Origin}), and a state-changing request
 * (any method but GET, HEAD and OPTIONS, and a WebSocket handshake) from another origin
 * is refused unless that origin is trusted. Requests without either header do not come
 * from a browser page (curl, a server, a script), so no browser's credentials ride on them.
 * The same rule as Go's {@code http.CrossOriginProtection}.
 */
final class CrossSiteRequestGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CrossSiteRequestGuard.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Set<String> trusted;

    CrossSiteRequestGuard(java.util.List<String> trustedOrigins) {
        this.trusted = trustedOrigins.stream().map(CrossSiteRequestGuard::normalised).collect(Collectors.toSet());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (allowed(request)) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("Cross-site {} {} from origin {} refused", request.getMethod(), request.getRequestURI(),
                String.valueOf(request.getHeader("Origin")).replaceAll("\\p{Cntrl}", "?"));
        SecurityConfiguration.write(response, HttpServletResponse.SC_FORBIDDEN, org.edugraph.api.ErrorKind.FORBIDDEN,
                "Cross-site request refused: a page of another origin may not change data here");
    }

    boolean allowed(HttpServletRequest request) {
        boolean handshake = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
        if (SAFE.contains(request.getMethod()) && !handshake) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && trusted.contains(normalised(origin))) {
            return true;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin") || site.equals("none");
        }
        if (origin == null) {
            return true;
        }
        // An older browser: Origin without Sec-Fetch-Site. Same origin when it names this host and port.
        String host = request.getHeader("Host");
        try {
            URI uri = URI.create(origin);
            return host != null && uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    private static String normalised(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}

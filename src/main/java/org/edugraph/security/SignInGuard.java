package org.edugraph.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of sign-in: a request with credentials from a name or address that failed too
 * often is refused with 429 before its password is checked; a request whose credentials
 * were refused (401) is logged with the name tried and the address, never the password
 * or token, and counted. Works the same for HTTP Basic and bearer tokens.
 */
final class SignInGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SignInGuard.class);

    private final SignInThrottle throttle;

    SignInGuard(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            chain.doFilter(request, response);
            return;
        }
        String user = basicUser(authorization);
        String address = request.getRemoteAddr();
        var wait = throttle.wait(user, address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toNanosPart() > 0 ? 1 : 0));
            log.warn("Sign-in as {} from {} refused: too many failed sign-ins, {} s to wait", shown(user), address, seconds);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            SecurityConfiguration.write(response, 429, org.edugraph.api.ErrorKind.UNAUTHORIZED,
                    "Too many failed sign-ins: try again in " + seconds + " s");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(user, address);
            log.warn("Failed sign-in as {} from {}", shown(user), address);
        }
    }

    private static String shown(String user) {
        if (user == null) {
            return "a bearer token";
        }
        String name = user.length() > 100 ? user.substring(0, 100) + "..." : user;
        return "'" + name.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    /** The user name of a Basic header, or null for any other scheme or a header that is not Basic. */
    static String basicUser(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}

package org.edugraph.security;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.edugraph.EduGraphProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.logout.LogoutFilter;

/**
 * Reads are open unless {@code edugraph.security.public-read} is false; every write needs
 * ADMIN (checked on each mutation); the browser pages and their assets are always open.
 * Users come from configuration with bcrypt hashes, or, in JWT mode, from an OAuth2 issuer.
 * A refusal at the HTTP level is answered with a GraphQL-shaped error body, classified
 * like any other.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * What the browser pages (the explorer, GraphiQL) may load and run: scripts and styles from
     * the service only (no inline script or style, no eval), pictures also as data: and blob:
     * URLs (a drawn network saved as PNG), requests to the service only (its WebSocket included),
     * no plug-ins, no framing by another site, forms sent only to the service.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none';"
            + " base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /**
     * No observation of each security filter and each authorization: a timer per filter per
     * request cost more than the filters (issue 18's profile). The request's own observation
     * (http.server.requests) stays.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings noSecurityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, EduGraphProperties properties, SignInThrottle throttle)
            throws Exception {
        var security = properties.security();
        // Spring's CSRF tokens are for session logins; this service has none, and its guard is the
        // browser's own word on where a request comes from (CrossSiteRequestGuard), before any sign-in.
        // Nor a logout, nor a saved request to return to after a login page: neither exists in a stateless API,
        // and each was a filter every request passed through.
        http.csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new CrossSiteRequestGuard(security.trustedOrigins()), LogoutFilter.class)
                .addFilterAfter(new SignInGuard(throttle), CrossSiteRequestGuard.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll();
                    a.requestMatchers("/actuator/**").hasRole("ADMIN");
                    a.requestMatchers("/import/**").hasRole("ADMIN");
                    // The pages and their assets hold no data: they load for anyone, and the
                    // GraphQL requests they make follow the rules below (a sign-in prompt when closed).
                    a.requestMatchers(HttpMethod.GET, "/explorer", "/explorer/**", "/graphiql", "/graphiql/**",
                            "/webjars/**").permitAll();
                    if (security.publicRead()) {
                        a.anyRequest().permitAll();
                    } else {
                        a.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll();
                        a.anyRequest().authenticated();
                    }
                })
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()))
                // Spring Security's defaults (nosniff, frame DENY, no caching, ...) plus a policy that lets the pages
                // run only their own scripts and styles, and send no address of ours to anyone.
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                .ReferrerPolicy.NO_REFERRER)));
        if (security.mode() == EduGraphProperties.Security.Mode.JWT) {
            http.oauth2ResourceServer(o -> o
                    .authenticationEntryPoint(unauthorized())
                    .accessDeniedHandler(forbidden())
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtConverter(security.jwt()))));
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized()));
        }
        return http.build();
    }

    @Bean
    SignInThrottle signInThrottle(java.time.Clock clock, EduGraphProperties properties) {
        return new SignInThrottle(clock, properties.security().signIn());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(EduGraphProperties properties) {
        var security = properties.security();
        Map<String, EduGraphUser> users = new java.util.HashMap<>();
        if (security.mode() == EduGraphProperties.Security.Mode.JWT) {
            // Users come from the issuer's tokens; there is no password to check.
            return name -> {
                throw new UsernameNotFoundException("No password users in JWT mode");
            };
        }
        String adminPassword = security.adminPassword();
        if (adminPassword == null || adminPassword.isBlank()) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            adminPassword = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            log.warn("No EDUGRAPH_ADMIN_PASSWORD set: the password of user 'admin' for this run is {}", adminPassword);
        }
        users.put("admin", new EduGraphUser("admin", "{bcrypt}" + new BCryptPasswordEncoder().encode(adminPassword),
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN")), null)); // every region
        for (var user : security.users()) {
            String hash = user.passwordHash();
            if (hash == null || !(hash.startsWith("{bcrypt}$2") || hash.startsWith("$2"))) {
                throw new IllegalStateException("edugraph.security.users: the password of '" + user.name()
                        + "' must be a bcrypt hash ({bcrypt}$2a$...), never a plain password");
            }
            if (user.regions() != null && user.regions().stream().allMatch(String::isBlank)) {
                throw new IllegalStateException("edugraph.security.users: '" + user.name() + "' has an empty list of"
                        + " regions, which would let it write nowhere; leave regions out for an admin of every region,"
                        + " or list the region codes it may write in");
            }
            users.put(user.name(), new EduGraphUser(user.name(), hash.startsWith("{") ? hash : "{bcrypt}" + hash,
                    user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList(),
                    user.regions() == null ? null : new HashSet<>(user.regions())));
        }
        return name -> {
            EduGraphUser user = users.get(name);
            if (user == null) {
                throw new UsernameNotFoundException("No such user");
            }
            return new EduGraphUser(user.getUsername(), user.getPassword(), user.getAuthorities(), user.regionsOrNull());
        };
    }

    /**
     * What a bearer token must carry besides a valid signature and, when present, an unexpired
     * {@code exp} (Spring's default checks): an {@code exp} at all, since a token without one
     * would be good forever once leaked, and a {@code sub}, since every write is audited by
     * its subject. Spring Boot adds this validator to the decoder it configures.
     */
    @Bean
    org.springframework.security.oauth2.core.OAuth2TokenValidator<Jwt> expiryAndSubjectRequired() {
        return new org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator<>(
                new org.springframework.security.oauth2.jwt.JwtClaimValidator<Object>(
                        org.springframework.security.oauth2.jwt.JwtClaimNames.EXP, java.util.Objects::nonNull),
                new org.springframework.security.oauth2.jwt.JwtClaimValidator<Object>(
                        org.springframework.security.oauth2.jwt.JwtClaimNames.SUB,
                        sub -> sub instanceof String s && !s.isBlank()));
    }

    private static Converter<Jwt, AbstractAuthenticationToken> jwtConverter(EduGraphProperties.Security.Jwt config) {
        return jwt -> {
            List<SimpleGrantedAuthority> authorities = new ArrayList<>();
            Caller.claimList(jwt.getClaim(config.rolesClaim()))
                    .forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(java.util.Locale.ROOT))));
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, ex) -> write(response, HttpServletResponse.SC_UNAUTHORIZED, org.edugraph.api.ErrorKind.UNAUTHORIZED,
                "Sign in: missing or wrong credentials");
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, ex) -> write(response, HttpServletResponse.SC_FORBIDDEN, org.edugraph.api.ErrorKind.FORBIDDEN,
                "Your role does not allow this");
    }

    static void write(HttpServletResponse response, int status, org.edugraph.api.ErrorKind kind, String message)
            throws IOException {
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"EduGraph\"");
        }
        org.edugraph.api.ErrorBody.write(response, status, "application/graphql-response+json",
                kind, message);
    }

}

package org.edugraph.security;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is asking: a name, roles, and the regions an admin is limited to (none means
 * everywhere). Read from a signed-in user of the configuration or from a JWT.
 */
public record Caller(String name, Set<String> roles, Set<String> regions) {

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }

    public boolean isRegionScoped() {
        return !regions.isEmpty();
    }

    /** The caller of an authentication, or null for nobody signed in. */
    public static Caller of(Authentication auth, String regionsClaim) {
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        Set<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        Set<String> regions = switch (auth.getPrincipal()) {
            case EduGraphUser user -> user.regions();
            case Jwt jwt -> claimList(jwt.getClaim(regionsClaim));
            default -> Set.of();
        };
        return new Caller(auth.getName(), roles, regions);
    }

    static Set<String> claimList(Object claim) {
        return switch (claim) {
            case null -> Set.of();
            case String s -> Set.of(s.split("[ ,]+"));
            case Collection<?> c -> c.stream().map(String::valueOf).collect(java.util.stream.Collectors.toUnmodifiableSet());
            default -> Set.of(String.valueOf(claim));
        };
    }

}

package org.edugraph.security;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is asking: a name, roles, and whether an admin is limited to regions and to which.
 * Limited to an empty set means no region at all (a token whose regions claim is empty):
 * never everywhere by mistake. Read from a signed-in user of the configuration or a JWT.
 */
public record Caller(String name, Set<String> roles, boolean regionScoped, Set<String> regions) {

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }

    public boolean isRegionScoped() {
        return regionScoped;
    }

    /** The regions as a reader sees them in a message: sorted, or "no region". */
    public String regionList() {
        return regions.isEmpty() ? "no region" : String.join(", ", regions.stream().sorted().toList());
    }

    /** The caller of an authentication, or null for nobody signed in. */
    public static Caller of(Authentication auth, String regionsClaim) {
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        Set<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        return switch (auth.getPrincipal()) {
            case EduGraphUser user -> new Caller(auth.getName(), roles, user.regionScoped(), user.regions());
            // A token without the claim is unscoped; with it, even empty, it is scoped to what it lists.
            case Jwt jwt -> jwt.hasClaim(regionsClaim)
                    ? new Caller(auth.getName(), roles, true, claimList(jwt.getClaim(regionsClaim)))
                    : new Caller(auth.getName(), roles, false, Set.of());
            default -> new Caller(auth.getName(), roles, false, Set.of());
        };
    }

    static Set<String> claimList(Object claim) {
        return switch (claim) {
            case null -> Set.of();
            case String s -> java.util.Arrays.stream(s.split("[ ,]+")).filter(code -> !code.isBlank())
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
            case Collection<?> c -> c.stream().map(String::valueOf).filter(code -> !code.isBlank())
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
            default -> Set.of(String.valueOf(claim));
        };
    }

}

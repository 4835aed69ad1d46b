package org.edugraph.security;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A user from configuration, with the regions an admin is limited to (null: not limited). */
public class EduGraphUser extends User {

    private final Set<String> regions;

    public EduGraphUser(String name, String passwordHash, Collection<? extends GrantedAuthority> authorities,
            Set<String> regions) {
        super(name, passwordHash, authorities);
        this.regions = regions == null ? null : Set.copyOf(regions);
    }

    public boolean regionScoped() {
        return regions != null;
    }

    /** The regions of a scoped admin; empty when not scoped. */
    public Set<String> regions() {
        return regions == null ? Set.of() : regions;
    }

    Set<String> regionsOrNull() {
        return regions;
    }
}

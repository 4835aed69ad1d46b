package org.edugraph.security;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A user from configuration, with the regions an admin is limited to. */
public class EduGraphUser extends User {

    private final Set<String> regions;

    public EduGraphUser(String name, String passwordHash, Collection<? extends GrantedAuthority> authorities,
            Set<String> regions) {
        super(name, passwordHash, authorities);
        this.regions = Set.copyOf(regions);
    }

    public Set<String> regions() {
        return regions;
    }
}

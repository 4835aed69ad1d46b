package org.edugraph.security;

import org.edugraph.EduGraphProperties;
import org.edugraph.api.ApiException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The caller of the request being served, and the checks every write starts with. */
@Component
public class CurrentCaller {

    private final String regionsClaim;

    CurrentCaller(EduGraphProperties properties) {
        this.regionsClaim = properties.security().jwt().regionsClaim();
    }

    /** The signed-in caller, or null. */
    public Caller get() {
        return Caller.of(SecurityContextHolder.getContext().getAuthentication(), regionsClaim);
    }

    /**
     * The caller of a handler whose rule was declared and checked before it ran
     * ({@code @PreAuthorize(SecuredMutations.ADMIN)}): not checked again here.
     */
    public Caller signedIn() {
        Caller caller = get();
        if (caller == null) {
            throw new IllegalStateException("A handler that needs a signed-in caller declares it (@PreAuthorize)");
        }
        return caller;
    }

    /**
     * The caller, who must be signed in with the ADMIN role to do what {@code purpose} says
     * ("change the graph", "read the audit"): else UNAUTHORIZED or FORBIDDEN, in those words.
     */
    public Caller requireAdmin(String purpose) {
        Caller caller = get();
        if (caller == null) {
            throw ApiException.unauthorized("Sign in as an admin to " + purpose);
        }
        if (!caller.isAdmin()) {
            throw ApiException.forbidden("Only admins may " + purpose + "; " + caller.name() + " is not one");
        }
        return caller;
    }
}

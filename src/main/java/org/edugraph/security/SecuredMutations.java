package org.edugraph.security;

/**
 * The one rule of who may change the graph, declared on every mutation handler as
 * {@code @PreAuthorize(SecuredMutations.ADMIN)}: a signed-in admin. Region scopes are
 * checked by {@link RegionScope} on the objects a write touches. {@code MutationSecurityTest}
 * walks the schema and fails on any Mutation field whose handler does not declare it, so
 * a new mutation cannot be anonymous by mistake.
 */
public final class SecuredMutations {

    public static final String ADMIN = "hasRole('ADMIN')";

    private SecuredMutations() {
    }
}

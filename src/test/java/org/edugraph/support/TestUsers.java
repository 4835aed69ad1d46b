package org.edugraph.support;

import java.util.UUID;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The users the tests sign in as. Their passwords are made up at each run and only
 * their bcrypt hashes reach the configuration: no credential is in the repository.
 */
public final class TestUsers {

    public record User(String name, String password) {
    }

    public static final User ADMIN = new User("admin", UUID.randomUUID().toString());
    public static final User READER = new User("reader", UUID.randomUUID().toString());
    public static final User CANGSHAN_ADMIN = new User("cangshan-admin", UUID.randomUUID().toString());
    /** An admin of every region whose hash is cheap to check (bcrypt cost 4), for tests of thousands of requests. */
    public static final User QUICK_ADMIN = new User("quick-admin", UUID.randomUUID().toString());

    private TestUsers() {
    }

    static void register(DynamicPropertyRegistry registry) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        registry.add("edugraph.security.admin-password", ADMIN::password);
        registry.add("edugraph.security.users[0].name", READER::name);
        registry.add("edugraph.security.users[0].password-hash", () -> bcrypt.encode(READER.password()));
        registry.add("edugraph.security.users[0].roles[0]", () -> "READER");
        registry.add("edugraph.security.users[1].name", CANGSHAN_ADMIN::name);
        registry.add("edugraph.security.users[1].password-hash", () -> "{bcrypt}" + bcrypt.encode(CANGSHAN_ADMIN.password()));
        registry.add("edugraph.security.users[1].roles[0]", () -> "ADMIN");
        registry.add("edugraph.security.users[1].regions[0]", () -> "350104");
        registry.add("edugraph.security.users[2].name", QUICK_ADMIN::name);
        registry.add("edugraph.security.users[2].password-hash", () -> bcrypt.encode(QUICK_ADMIN.password()));
        registry.add("edugraph.security.users[2].roles[0]", () -> "ADMIN");
    }
}

package org.edugraph.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.edugraph.EduGraphApplication;
import org.edugraph.support.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Users in configuration carry bcrypt hashes only: a plain password stops start-up. */
class UsersConfigurationTest {

    @Test
    void aPlainPasswordInConfigurationStopsStartUp() {
        assertThatThrownBy(() -> start("--edugraph.security.users[0].name=careless",
                "--edugraph.security.users[0].password-hash=hunter2"))
                .hasStackTraceContaining("'careless' must be a bcrypt hash");
    }

    /** {@code regions: []} in YAML binds as an empty value: it would be an admin of no region, so it is refused. */
    @Test
    void anEmptyListOfRegionsStopsStartUpRatherThanMeaningEverywhere() {
        assertThatThrownBy(() -> start("--edugraph.security.users[0].name=half-configured",
                "--edugraph.security.users[0].password-hash=" + new BCryptPasswordEncoder(4).encode("x"),
                "--edugraph.security.users[0].roles[0]=ADMIN", "--edugraph.security.users[0].regions="))
                .hasStackTraceContaining("'half-configured' has an empty list of regions");
    }

    private static void start(String... more) {
        var arguments = TestNeo4j.get().arguments();
        arguments.addAll(java.util.List.of("--server.port=0", "--edugraph.seeds.enabled=false"));
        arguments.addAll(java.util.List.of(more));
        new SpringApplicationBuilder(EduGraphApplication.class).run(arguments.toArray(String[]::new)).close();
    }
}

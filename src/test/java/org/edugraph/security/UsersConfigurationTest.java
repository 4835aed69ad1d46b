package org.edugraph.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.edugraph.EduGraphApplication;
import org.edugraph.support.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Users in configuration carry bcrypt hashes only: a plain password stops start-up. */
class UsersConfigurationTest {

    @Test
    void aPlainPasswordInConfigurationStopsStartUp() {
        var app = new SpringApplicationBuilder(EduGraphApplication.class);
        assertThatThrownBy(() -> app.run("--spring.neo4j.uri=" + TestNeo4j.get().uri(), "--server.port=0",
                "--edugraph.seeds.enabled=false",
                "--edugraph.security.users[0].name=careless", "--edugraph.security.users[0].password-hash=hunter2"))
                .hasStackTraceContaining("'careless' must be a bcrypt hash");
    }
}

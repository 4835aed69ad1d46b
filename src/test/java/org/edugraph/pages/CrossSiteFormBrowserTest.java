package org.edugraph.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.edugraph.support.BrowserTest;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The attack of cross-site request forgery, in a real Chromium whose user has signed in as
 * the admin: a page that submits an upload form to the service by itself. From another
 * site it is refused and creates nothing; the same page on the service's own origin
 * (the control) creates the school, so the browser did carry the admin's credentials.
 */
class CrossSiteFormBrowserTest extends BrowserTest {


    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
    }

    @Test
    void aFormOnAnotherSiteCannotUploadWithTheAdminsCredentials() {
        String id = "csrf-browser-" + UUID.randomUUID().toString().substring(0, 8);
        try (var session = browser.openSignedIn(TestUsers.ADMIN.name(), TestUsers.ADMIN.password())) {
            session.serve("http://attacker.test/prize", attackPage(id));
            session.page.navigate("http://attacker.test/prize");
            session.page.waitForURL("**/import/schools");
            assertThat(session.page.textContent("body"))
                    .contains("Cross-site request refused").doesNotContain("schoolsCreated");
        }
        assertThat(schools(id)).isZero();
    }

    @Test
    void theSameFormOnTheServicesOwnOriginUploads() {
        String id = "csrf-browser-" + UUID.randomUUID().toString().substring(0, 8);
        try (var session = browser.openSignedIn(TestUsers.ADMIN.name(), TestUsers.ADMIN.password())) {
            String own = "http://127.0.0.1:" + port + "/csrf-control-page";
            session.serve(own, attackPage(id));
            session.page.navigate(own);
            session.page.waitForURL("**/import/schools");
            assertThat(session.page.textContent("body")).contains("\"schoolsCreated\":1");
        }
        assertThat(schools(id)).isEqualTo(1);
    }

    private String attackPage(String id) {
        return """
                <!doctype html><meta charset="utf-8"><title>领奖</title>
                <form id="f" method="post" enctype="multipart/form-data" action="http://127.0.0.1:%d/import/schools">
                  <input type="file" name="file" id="file">
                </form>
                <script>
                  const rows = "id,name,type,regionCode\\n%s,跨站表单测试学校%s,PRIMARY,350104\\n";
                  const files = new DataTransfer();
                  files.items.add(new File([rows], "schools.csv", {type: "text/csv"}));
                  document.getElementById("file").files = files.files;
                  document.getElementById("f").submit();
                </script>
                """.formatted(port, id, id);
    }

    private long schools(String id) {
        return graph.read("MATCH (s:School {id: $id}) RETURN count(s) AS n", Map.of("id", id)).getFirst().get("n").asLong();
    }
}

package org.edugraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/** A migration's checksum: the same migration whatever the checkout's line endings, a changed one not. */
@Unit
class SchemaMigrationsTest {

    private static final String LF = """
            // Keys
            CREATE CONSTRAINT region_code IF NOT EXISTS FOR (r:Region) REQUIRE r.code IS UNIQUE;
            CREATE INDEX school_type IF NOT EXISTS
              FOR (s:School) ON (s.type);
            """;

    @Test
    void aCheckoutWithCrlfLineEndingsIsTheSameMigration() {
        var lf = SchemaMigrations.Migration.of(1, "keys", LF);
        var crlf = SchemaMigrations.Migration.of(1, "keys", LF.replace("\n", "\r\n"));
        var spaces = SchemaMigrations.Migration.of(1, "keys", LF.replace(";\n", ";   \n").replace("  FOR", "\tFOR"));
        assertThat(crlf.checksum()).isEqualTo(lf.checksum());
        assertThat(spaces.checksum()).isEqualTo(lf.checksum());
        assertThat(crlf.statements()).isEqualTo(lf.statements()).hasSize(2);
        assertThat(crlf.statements().get(1)).doesNotContain("\r");
    }

    @Test
    void aChangedStatementIsAnotherMigration() {
        var lf = SchemaMigrations.Migration.of(1, "keys", LF);
        var changed = SchemaMigrations.Migration.of(1, "keys", LF.replace("s.type", "s.kind"));
        assertThat(changed.checksum()).isNotEqualTo(lf.checksum());
        assertThat(changed.isRecordedAs(lf.checksum())).isFalse();
    }

    @Test
    void aStoreMigratedBeforeRecordedTheFilesBytesAndIsStillRecognisedFromACrlfCheckout() throws Exception {
        // What SchemaMigrations recorded until now: SHA-256 of the file as read (LF in this repository).
        String recorded = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(LF.getBytes("UTF-8")));
        assertThat(SchemaMigrations.Migration.of(1, "keys", LF).isRecordedAs(recorded)).isTrue();
        assertThat(SchemaMigrations.Migration.of(1, "keys", LF.replace("\n", "\r\n")).isRecordedAs(recorded)).isTrue();
        assertThat(SchemaMigrations.Migration.of(1, "keys", LF.replace("s.type", "s.kind")).isRecordedAs(recorded)).isFalse();
    }

    @Test
    void theSameFileFoundTwiceIsOneMigrationAndTwoFilesOfOneVersionAreRefused() {
        var keys = SchemaMigrations.Migration.of(1, "keys", LF);
        var filters = SchemaMigrations.Migration.of(2, "filters", "CREATE INDEX a IF NOT EXISTS FOR (r:Region) ON (r.level);");
        // Found twice when two class path entries hold one folder: applied once, in version order.
        assertThat(SchemaMigrations.inVersionOrder(java.util.List.of(filters, keys, keys))).containsExactly(keys, filters);
        var other = SchemaMigrations.Migration.of(1, "other keys", LF.replace("s.type", "s.kind"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SchemaMigrations.inVersionOrder(java.util.List.of(keys, other)))
                .hasMessage("Two different migrations have version 1 (keys, other keys); give each its own version");
    }

    @Test
    void theProjectsMigrationsAreEachFoundOnce() {
        var versions = SchemaMigrations.load().stream().map(SchemaMigrations.Migration::version).toList();
        assertThat(versions).doesNotHaveDuplicates().isSorted().startsWith(1);
    }
}

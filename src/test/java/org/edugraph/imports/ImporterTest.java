package org.edugraph.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/** What an import's audit record holds: the rows, and its ids up to a thousand. */
@Unit
class ImporterTest {

    @Test
    void anAuditRecordListsEveryIdOfASmallImport() {
        var after = Importer.auditRecord(3, "pairingIds", List.of("a", "b", "c"));
        assertThat(after).containsEntry("rows", 3).containsEntry("pairingIds", List.of("a", "b", "c"))
                .doesNotContainKey("pairingIdsNotListed");
    }

    @Test
    void aTransactionRefusedMoreMemoryIsAFileTooLargeAndNothingElseIs() {
        // The codes and message Neo4j 2026.08 gives (the first as seen by the national benchmark at 6 GiB of heap).
        assertThat(org.edugraph.neo4j.Graph.exceedsTransactionMemory(new org.neo4j.driver.exceptions.TransientException(
                "Neo.TransientError.General.MemoryPoolOutOfMemoryError", "The allocation of an extra 96.0 MiB would use more than"
                        + " the limit 4.2 GiB. Currently using 4.2 GiB. dbms.memory.transaction.total.max threshold reached"))).isTrue();
        assertThat(org.edugraph.neo4j.Graph.exceedsTransactionMemory(new org.neo4j.driver.exceptions.TransientException(
                "Neo.TransientError.General.TransactionMemoryLimit", "db.memory.transaction.max threshold reached"))).isTrue();
        assertThat(org.edugraph.neo4j.Graph.exceedsTransactionMemory(new org.neo4j.driver.exceptions.TransientException(
                "Neo.TransientError.Transaction.DeadlockDetected", "ForsetiClient can't acquire ExclusiveLock"))).isFalse();
        var refusal = Importer.tooLargeForOneTransaction(1_000_000);
        assertThat(refusal.kind()).isEqualTo(org.edugraph.api.ErrorKind.BAD_REQUEST);
        assertThat(refusal.getMessage()).startsWith("The 1,000,000 rows need more memory than one transaction may use")
                .contains("nothing was imported").contains("Split the file");
    }

    @Test
    void anAuditRecordOfAMillionRowsListsTheFirstThousandAndCountsTheRest() {
        List<String> ids = IntStream.range(0, 1_000_000).mapToObj(i -> "p-" + i).toList();
        var after = Importer.auditRecord(ids.size(), "pairingIds", ids);
        assertThat((List<?>) after.get("pairingIds")).hasSize(1_000).first().isEqualTo("p-0");
        assertThat(after).containsEntry("pairingIdsNotListed", 999_000).containsEntry("rows", 1_000_000);
    }
}

package org.edugraph.seed;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.edugraph.seed.NetworkGenerator.Network;

/**
 * Writes a generated network's schools and pairings as the files the bulk imports read
 * ({@code POST /import/schools}, {@code POST /import/pairings}): UTF-8, RFC 4180, the
 * importers' headers. The importers take no end date and no synthetic flag: every pairing
 * of the files is an active one, and each says 合成示例 (synthetic example) in its note;
 * names say 示例 and regions are the gazetteer's real counties ({@link GazetteerCounties}). Programs, which
 * pairings name, and groups, which no importer creates, are written through the driver
 * ({@link GeneratedNetworkWriter#writeBeforeImports}, {@link GeneratedNetworkWriter#writeAfterImports}).
 */
public final class NetworkCsv {

    public static final String NOTE = "合成示例";

    private NetworkCsv() {
    }

    public static void writeSchools(Network network, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = CSVFormat.RFC4180.builder()
                        .setHeader("id", "name", "aliases", "type", "ownership", "regionCode", "nationalCode").get().print(out)) {
            for (var s : network.schools()) {
                csv.printRecord(s.id(), s.name(), "", s.type().name(), "PUBLIC", s.regionCode(), "");
            }
        }
    }

    public static void writePairings(Network network, Path file) throws IOException {
        writePairings(network, file, 0, network.pairings().size());
    }

    /**
     * Writes the pairings from index {@code from} (inclusive) to {@code to} (exclusive): a
     * national network's million pairings go to the import as several files, each imported
     * whole or not at all, since one transaction of a million pairings needs more memory than
     * a service of a few GiB of heap lets it have (BENCHMARKS.md).
     */
    public static void writePairings(Network network, Path file, int from, int to) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = CSVFormat.RFC4180.builder()
                        .setHeader("mentorId", "menteeId", "kind", "programId", "startDate", "note").get().print(out)) {
            for (var p : network.pairings().subList(from, to)) {
                csv.printRecord(p.mentorId(), p.menteeId(), p.kind().name(), p.programId() == null ? "" : p.programId(),
                        p.startDate(), NOTE);
            }
        }
    }
}

package org.edugraph.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.edugraph.EduGraphProperties;
import org.edugraph.neo4j.Graph;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The network generator as a command: a deterministic synthetic network of any size over the
 * real counties of the gazetteer ({@link GazetteerCounties}, {@link NetworkGenerator}; every
 * school, group and program name says 示例, every region is real), written straight into a
 * database through the driver, or as the CSV files of the bulk imports.
 *
 * <pre>
 * mvn -q compile spring-boot:run -Dspring-boot.run.main-class=org.edugraph.seed.GenerateNetwork \
 *     -Dspring-boot.run.arguments="--schools=520000 --pairings=1000000 --out=target/national --bolt=bolt://127.0.0.1:7687"
 * </pre>
 *
 * Options: {@code --schools} (20000), {@code --pairings} (40000), {@code --seed} (2022),
 * {@code --within} (a province or prefecture code: only its counties; every county of China by
 * default). With {@code --out=DIR}, writes DIR/schools.csv and DIR/pairings.csv (pairings-1.csv,
 * pairings-2.csv ... of {@code --pairings-per-file} rows, 250000, for more) for
 * {@code POST /import/schools} and {@code /import/pairings}, and, given {@code --bolt}, the
 * programs they need (no importer creates those) into that database, whose regions are the
 * gazetteer's (loaded there first if the service never was); without
 * {@code --out}, writes the whole network into the database at {@code --bolt} (a running
 * service's embedded Bolt port is 7687 on 127.0.0.1). {@code --user} and {@code --password}
 * sign in to a server that asks for them.
 */
public final class GenerateNetwork {

    private GenerateNetwork() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        int schools = Integer.parseInt(options.getOrDefault("schools", "20000"));
        int pairings = Integer.parseInt(options.getOrDefault("pairings", "40000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "2022"));
        List<NetworkGenerator.County> counties = GazetteerCounties.of(GazetteerCounties.read(GazetteerCounties.FILE),
                options.get("within"));
        var spec = new NetworkGenerator.Spec("generated-national", "nat-", schools, pairings, seed, counties, LocalDate.now());
        long t0 = System.nanoTime();
        NetworkGenerator.Network network = NetworkGenerator.generate(spec);
        System.out.printf("Generated %,d schools, %,d groups, %,d pairings over %,d real counties in %.1f s%n",
                network.schools().size(), network.groups().size(), network.pairings().size(), counties.size(),
                (System.nanoTime() - t0) / 1e9);

        String out = options.get("out");
        if (out != null) {
            Path dir = Path.of(out);
            Files.createDirectories(dir);
            NetworkCsv.writeSchools(network, dir.resolve("schools.csv"));
            int perFile = Integer.parseInt(options.getOrDefault("pairings-per-file", "250000"));
            List<Path> files = new java.util.ArrayList<>();
            for (int from = 0, n = 1; from < network.pairings().size(); from += perFile, n++) {
                Path file = dir.resolve(network.pairings().size() <= perFile ? "pairings.csv" : "pairings-%d.csv".formatted(n));
                NetworkCsv.writePairings(network, file, from, Math.min(network.pairings().size(), from + perFile));
                files.add(file);
            }
            System.out.printf("Wrote %s and %s%n", dir.resolve("schools.csv"), files);
        }
        String bolt = options.get("bolt");
        if (bolt == null) {
            if (out == null) {
                throw new IllegalArgumentException("Give --out=DIR for CSV files, --bolt=URI for a database, or both");
            }
            return;
        }
        var auth = options.containsKey("user") ? AuthTokens.basic(options.get("user"), options.getOrDefault("password", ""))
                : AuthTokens.none();
        EduGraphProperties properties = new Binder(new MapConfigurationPropertySource(
                Map.of("edugraph.neo4j.query-timeout", "10m"))).bindOrCreate("edugraph", EduGraphProperties.class);
        try (Driver driver = GraphDatabase.driver(bolt, auth)) {
            Graph graph = new Graph(driver, properties);
            long t1 = System.nanoTime();
            GazetteerCounties.load(graph);
            GeneratedNetworkWriter writer = new GeneratedNetworkWriter(graph);
            if (out != null) {
                writer.writeBeforeImports(network);
                System.out.printf("Wrote the programs to %s in %.1f s; now import the two files, then the groups"
                        + " need --groups-after-import%n", bolt, (System.nanoTime() - t1) / 1e9);
            } else if (options.containsKey("groups-after-import")) {
                writer.writeAfterImports(network);
                System.out.printf("Wrote the groups and program roles to %s in %.1f s%n", bolt, (System.nanoTime() - t1) / 1e9);
            } else {
                writer.write(network);
                System.out.printf("Wrote the network to %s in %.1f s%n", bolt, (System.nanoTime() - t1) / 1e9);
            }
        }
    }

    /** {@code --name=value} pairs; {@code --name} alone is {@code true}. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Not an option: " + arg + " (options are --name=value)");
            }
            int eq = arg.indexOf('=');
            options.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
        }
        return options;
    }
}

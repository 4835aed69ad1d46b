package org.edugraph.seed;

import java.util.List;

/**
 * The documents of the real seed files, the reports' facts ({@code seeds/*.yaml} on the
 * classpath): every node and relationship they write carries one of these ids as its
 * {@code seed}. Read from the files themselves, so that it follows them as they change.
 */
public final class RealSeeds {

    private RealSeeds() {
    }

    /** The document ids of the seed files the application loads by default. */
    public static List<String> documents() {
        return SeedLoader.read("classpath:seeds/").stream().map(n -> n.file().document().id()).distinct().sorted().toList();
    }
}

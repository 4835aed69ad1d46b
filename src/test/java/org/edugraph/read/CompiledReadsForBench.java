package org.edugraph.read;

import java.util.Map;

/** The compiled statement of operation a (a school's page), for benchmarks outside this package. */
public final class CompiledReadsForBench {

    private CompiledReadsForBench() {
    }

    public static Map.Entry<String, Map<String, Object>> schoolPage(String id) {
        var compiled = CompiledReads.compile("""
                { school(id: "%s") { id name type region { code name } groups { role group { id name } }
                  mentoring { id kind mentee { id name } } mentoredBy { id kind mentor { id name } }
                  programs { role program { id name } } } }""".formatted(id));
        return Map.entry(Reads.RENDERER.render(compiled.statement()), compiled.parameters());
    }
}

#!/usr/bin/env python3
"""Where a request's CPU goes: the execution samples of a flight recording, each given to the
part of the service its innermost recognised frame belongs to.

Usage: jfr_breakdown.py RECORDING.jfr FROM_EPOCH_MS TO_EPOCH_MS [CPU_MS_PER_REQUEST]

Only samples taken between FROM and TO count (ReadBenchmark prints the window of each
operation's measured phase as "BENCHMARK window <op> <from> <to>"); samples of the benchmark's
own client (its threads and the JDK's HTTP client) are left out. With CPU_MS_PER_REQUEST (the
benchmark's "CPU ms/req"), each part's share is also given in ms per request.
"""
import json
import os
import subprocess
import sys
from collections import Counter
from datetime import datetime

# The jfr tool of the JDK that made the recording (the toolchain's, Java 21 or later): JFR=/path/to/jdk/bin/jfr.
JFR = os.environ.get("JFR", "jfr")

# Innermost first: a sample is given to the first part one of its frames (from the leaf up) names.
PARTS = [
    ("benchmark client", ("org.edugraph.bench.", "jdk.internal.net.http.", "java.net.http.")),
    ("parse and validate the document", ("graphql.parser.", "graphql.validation.", "graphql.language.",
                                         "org.antlr.", "graphql.com.google.")),
    ("request limits (size, depth, cost)", ("org.edugraph.api.RequestSize", "org.edugraph.api.RequestCost",
                                            "graphql.analysis.", "graphql.execution.instrumentation.")),
    ("read compiler (build and render Cypher)", ("org.edugraph.read.ReadCompiler", "org.neo4j.cypherdsl.")),
    ("database (Cypher runtime, store)", ("org.neo4j.cypher.", "org.neo4j.kernel.", "org.neo4j.internal.",
                                         "org.neo4j.io.", "org.neo4j.storageengine.", "org.neo4j.values.",
                                         "org.neo4j.graphdb.", "org.neo4j.collection.", "org.neo4j.lock.",
                                         "org.neo4j.memory.", "org.neo4j.exceptions.", "org.neo4j.gqlstatus.")),
    ("Bolt and the driver", ("org.neo4j.bolt.", "org.neo4j.driver.", "io.netty.", "org.neo4j.packstream.")),
    ("JSON", ("com.fasterxml.jackson.", "tools.jackson.")),
    ("GraphQL execution (graphql-java, data loaders)", ("graphql.", "org.dataloader.")),
    ("EduGraph code (rows, refs, fetchers)", ("org.edugraph.",)),
    ("security filters", ("org.springframework.security.",)),
    ("observation and metrics", ("io.micrometer.",)),
    ("Spring (MVC, GraphQL glue, context propagation)", ("org.springframework.", "reactor.", "io.micrometer.context.")),
    ("Tomcat and HTTP", ("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.")),
]


def epoch_ms(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000


def part_of(frames):
    for frame in frames:
        name = frame["method"]["type"]["name"].replace("/", ".")
        for part, prefixes in PARTS:
            if name.startswith(prefixes):
                return part
    return "other (JDK, collections, logging)"


def main():
    recording, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    per_request = float(sys.argv[4]) if len(sys.argv) > 4 else None
    out = subprocess.run([JFR, "print", "--json", "--stack-depth", "96", "--events", "jdk.ExecutionSample",
                          recording], capture_output=True, text=True, check=True).stdout
    counts = Counter()
    for event in json.loads(out)["recording"]["events"]:
        values = event["values"]
        if not start <= epoch_ms(values["startTime"]) <= end or values["stackTrace"] is None:
            continue
        counts[part_of(values["stackTrace"]["frames"])] += 1
    counts.pop("benchmark client", None)
    total = sum(counts.values())
    print(f"| part | share of service samples | ms per request |\n|---|---:|---:|")
    for part, n in counts.most_common():
        ms = f"{per_request * n / total:.2f}" if per_request else ""
        print(f"| {part} | {100 * n / total:.1f} % | {ms} |")
    print(f"| total ({total} samples) | 100 % | {per_request if per_request else ''} |")


if __name__ == "__main__":
    main()

"""Checks EduGraph's network measures against networkx, computed independently.

Reads a network either as EduGraph exported it (GraphML, with the measures as node and
edge attributes) or as JSON written by a test ({"pairings": [[id, mentor, mentee], ...],
"measures": {school: {...}}, "bridges": {pairing: bool}}), rebuilds the undirected
partner graph of the schools from the pairings alone, computes every measure with
networkx and prints a JSON report: how many values were checked and every mismatch.

Usage: python3 check_measures.py FILE EXACT_UP_TO SOURCES
  EXACT_UP_TO, SOURCES: betweenness is exact up to EXACT_UP_TO schools; above, it is
  estimated from SOURCES schools at indexes floor(i*n/SOURCES) of the id order, scaled
  by n/SOURCES (networkx's betweenness_centrality_subset over those sources).
"""
import json
import math
import sys
from collections import Counter, defaultdict

import networkx as nx


def from_graphml(path):
    g = nx.read_graphml(path, force_multigraph=True)
    schools = {v for v, d in g.nodes(data=True) if d.get("kind") == "School"}
    pairings, bridges = [], {}
    for a, b, key, d in g.edges(keys=True, data=True):
        if a in schools and b in schools:
            pid = d.get("id", key)  # a multigraph keeps the edge's id as its key
            pairings.append((pid, a, b))
            bridges[pid] = d.get("bridge")
    measures = {}
    for v in schools:
        d = g.nodes[v]
        if "degree" in d:
            measures[v] = {k: d.get(k) for k in ("inDegree", "outDegree", "degree", "betweenness", "pageRank",
                                                 "reach2", "coreNumber", "articulation", "cutOff", "community")}
    return pairings, measures, bridges


def from_json(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return [tuple(p) for p in data["pairings"]], data["measures"], data["bridges"]


def main():
    path, exact_up_to, sources = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    pairings, got, bridges = from_graphml(path) if path.endswith(".graphml") else from_json(path)
    g = nx.Graph()
    d = nx.DiGraph()
    links = Counter()
    for _, a, b in pairings:
        if a == b:
            continue
        g.add_edge(a, b)
        d.add_edge(a, b)
        links[frozenset((a, b))] += 1
    nodes = sorted(g.nodes)
    n = len(nodes)
    mismatches = []
    checked = Counter()

    def same(v, name, want, tolerance=0.0):
        have = got.get(v, {}).get(name)
        checked[name] += 1
        if tolerance == 0.0:
            ok = have == want
        else:
            ok = have is not None and abs(float(have) - want) <= tolerance * max(1.0, abs(want))
        if not ok:
            mismatches.append({"school": v, "measure": name, "edugraph": have, "networkx": want})

    if set(got) != set(nodes):
        mismatches.append({"schools": "differ", "only_edugraph": sorted(set(got) - set(nodes))[:10],
                           "only_networkx": sorted(set(nodes) - set(got))[:10]})

    if n <= exact_up_to:
        betweenness = nx.betweenness_centrality(g, normalized=True)
    else:
        picked = [nodes[(i * n) // sources] for i in range(sources)]
        subset = nx.betweenness_centrality_subset(g, picked, nodes, normalized=True)
        betweenness = {v: b * n / sources for v, b in subset.items()}
    pagerank = nx.pagerank(g, alpha=0.85, tol=1e-13, max_iter=100000) if n else {}
    core = nx.core_number(g) if n else {}
    cut_points = set(nx.articulation_points(g))
    bridge_links = {frozenset(e) for e in nx.bridges(g)}

    for v in nodes:
        same(v, "inDegree", d.in_degree(v))
        same(v, "outDegree", d.out_degree(v))
        same(v, "degree", g.degree(v))
        same(v, "betweenness", betweenness[v], 1e-9)
        same(v, "pageRank", pagerank[v], 1e-7)
        same(v, "reach2", len(nx.single_source_shortest_path_length(g, v, cutoff=2)) - 1)
        same(v, "coreNumber", core[v])
        same(v, "articulation", v in cut_points)
        if v in cut_points:
            component = nx.node_connected_component(g, v)
            left = g.subgraph(component - {v})
            largest = max(len(c) for c in nx.connected_components(left))
            same(v, "cutOff", len(component) - 1 - largest)
        else:
            same(v, "cutOff", 0)

    for pid, a, b in pairings:
        want = frozenset((a, b)) in bridge_links and links[frozenset((a, b))] == 1
        checked["bridge"] += 1
        if bridges.get(pid) != want:
            mismatches.append({"pairing": pid, "measure": "bridge", "edugraph": bridges.get(pid), "networkx": want})

    # Communities: a partition of the schools into linked parts, each school holding a label that
    # is among the most frequent of its partners' (the fixed point of label propagation).
    community = {v: got.get(v, {}).get("community") for v in nodes}
    parts = defaultdict(set)
    for v, c in community.items():
        parts[c].add(v)
    if None in parts:
        mismatches.append({"measure": "community", "missing": sorted(parts[None])[:10]})
    for c, members in parts.items():
        checked["community parts"] += 1
        if c is not None and not nx.is_connected(g.subgraph(members)):
            mismatches.append({"measure": "community", "community": c, "problem": "not connected"})
    for v in nodes:
        counts = Counter(community[w] for w in g.neighbors(v))
        checked["community"] += 1
        if counts[community[v]] != max(counts.values()):
            mismatches.append({"school": v, "measure": "community", "problem": "not a most frequent label of its partners",
                               "own": counts[community[v]], "best": max(counts.values())})
    sizes = sorted((len(m) for c, m in parts.items() if c is not None), reverse=True)
    by_id = sorted((c for c in parts if c is not None))
    if by_id != list(range(1, len(by_id) + 1)):
        mismatches.append({"measure": "community", "problem": "not numbered 1..k", "ids": by_id[:10]})
    elif [len(parts[c]) for c in by_id] != sizes:
        mismatches.append({"measure": "community", "problem": "not numbered largest first"})
    modularity = nx.algorithms.community.modularity(g, [m for c, m in parts.items() if c is not None]) if n and g.number_of_edges() else 0.0

    print(json.dumps({"schools": n, "links": g.number_of_edges(), "pairings": len(pairings), "checked": checked,
                      "communities": len(sizes), "modularity": modularity, "articulation": len(cut_points),
                      "mismatches": mismatches[:50], "mismatchCount": len(mismatches)}, ensure_ascii=False))


if __name__ == "__main__":
    main()

// Generated (synthetic) networks: the demo profile's and the benchmarks'. Every node of
// one carries its `dataset`, by which it is found again and removed; a marker node
// records which specification is loaded.
CREATE CONSTRAINT generated_dataset_name IF NOT EXISTS FOR (m:GeneratedDataset) REQUIRE m.name IS UNIQUE;
CREATE INDEX school_dataset IF NOT EXISTS FOR (s:School) ON (s.dataset);
CREATE INDEX pairing_dataset IF NOT EXISTS FOR (p:Pairing) ON (p.dataset);
CREATE INDEX group_dataset IF NOT EXISTS FOR (g:EducationGroup) ON (g.dataset);

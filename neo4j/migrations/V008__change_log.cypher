// The pairing change log that every instance reads for its subscribers (PairingChangeLog):
// one sequence node, locked by each writer, numbers the changes in commit order; entries
// are read by number and removed by age; an import's pairings are found by its id.
CREATE CONSTRAINT change_log_sequence_name IF NOT EXISTS FOR (s:ChangeLogSequence) REQUIRE s.name IS UNIQUE;
CREATE CONSTRAINT pairing_change_seq IF NOT EXISTS FOR (c:PairingChangeLog) REQUIRE c.seq IS UNIQUE;
CREATE INDEX pairing_change_at IF NOT EXISTS FOR (c:PairingChangeLog) ON (c.at);
CREATE INDEX pairing_import IF NOT EXISTS FOR (p:Pairing) ON (p.importId);
MERGE (s:ChangeLogSequence {name: 'pairings'}) ON CREATE SET s.value = 0;

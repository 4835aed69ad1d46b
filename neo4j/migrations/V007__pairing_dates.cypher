// Identical pairings (same mentor, mentee, kind and program) may not overlap in time.
// That is checked under a lock on the mentor school in the writing transaction (see
// PairingWrites), not by a constraint on a key snapshotted at write time: `activeKey`
// went stale as days passed (a future end date blocked a new pairing forever).
DROP CONSTRAINT pairing_active_key IF EXISTS;
MATCH (p:Pairing) WHERE p.activeKey IS NOT NULL
CALL (p) { REMOVE p.activeKey } IN TRANSACTIONS OF 10000 ROWS;

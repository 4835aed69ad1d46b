// Writes. An active pairing is unique on (mentor, mentee, kind, program): the key is
// held in `activeKey` while the pairing is active and removed when it ends, so the
// database itself refuses a second active one, whatever the concurrency.
CREATE CONSTRAINT pairing_active_key IF NOT EXISTS FOR (p:Pairing) REQUIRE p.activeKey IS UNIQUE;
CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (e:AuditEvent) REQUIRE e.id IS UNIQUE;
CREATE INDEX audit_event_at IF NOT EXISTS FOR (e:AuditEvent) ON (e.at);
CREATE INDEX audit_event_user IF NOT EXISTS FOR (e:AuditEvent) ON (e.user);

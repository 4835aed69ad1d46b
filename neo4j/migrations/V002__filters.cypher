// An index for every filter of the API.
CREATE INDEX region_level IF NOT EXISTS FOR (r:Region) ON (r.level);
CREATE INDEX school_type IF NOT EXISTS FOR (s:School) ON (s.type);
CREATE INDEX school_ownership IF NOT EXISTS FOR (s:School) ON (s.ownership);
CREATE TEXT INDEX school_name_text IF NOT EXISTS FOR (s:School) ON (s.name);
CREATE INDEX group_kind IF NOT EXISTS FOR (g:EducationGroup) ON (g.kind);
CREATE INDEX program_kind IF NOT EXISTS FOR (p:Program) ON (p.kind);
CREATE INDEX program_year IF NOT EXISTS FOR (p:Program) ON (p.year);
CREATE INDEX pairing_kind IF NOT EXISTS FOR (p:Pairing) ON (p.kind);
CREATE INDEX pairing_dates IF NOT EXISTS FOR (p:Pairing) ON (p.startDate, p.endDate);
CREATE INDEX school_seed IF NOT EXISTS FOR (s:School) ON (s.seed);

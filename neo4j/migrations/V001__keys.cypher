// A uniqueness constraint for every key of the model. Each also backs an index,
// which the stable id order of every page is served from.
CREATE CONSTRAINT region_code IF NOT EXISTS FOR (r:Region) REQUIRE r.code IS UNIQUE;
CREATE CONSTRAINT school_id IF NOT EXISTS FOR (s:School) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT school_national_code IF NOT EXISTS FOR (s:School) REQUIRE s.nationalCode IS UNIQUE;
CREATE CONSTRAINT group_id IF NOT EXISTS FOR (g:EducationGroup) REQUIRE g.id IS UNIQUE;
CREATE CONSTRAINT program_id IF NOT EXISTS FOR (p:Program) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT pairing_id IF NOT EXISTS FOR (p:Pairing) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT figure_id IF NOT EXISTS FOR (f:Figure) REQUIRE f.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT seed_file_name IF NOT EXISTS FOR (f:SeedFile) REQUIRE f.name IS UNIQUE;

// The gazetteer (seeds/gazetteer/): its regions are Region nodes like the seeds'; its towns
// (乡镇/街道) are a lookup table of their own, found by code or by key: the short name people
// write (陈埭 for 陈埭镇; region/TownNames), or the full name of a town that has none. Each
// keeps its county's code. Codes of the year before that the list no longer has are
// FormerRegionCode nodes, each naming its successor where there is one. GazetteerFile records
// which file was loaded (its checksum), so that a restart with the same file skips it. Town
// codes are unique in the file (checked before loading) and loads are serialised on the
// GazetteerFile node, so plain indexes serve them: no constraint check for each of 41,000 towns.
CREATE INDEX town_code IF NOT EXISTS FOR (t:Town) ON (t.code);
CREATE INDEX town_key IF NOT EXISTS FOR (t:Town) ON (t.key);
CREATE CONSTRAINT former_region_code IF NOT EXISTS FOR (f:FormerRegionCode) REQUIRE f.code IS UNIQUE;
CREATE CONSTRAINT gazetteer_file_name IF NOT EXISTS FOR (f:GazetteerFile) REQUIRE f.name IS UNIQUE;

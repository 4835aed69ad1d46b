// Substring search (SchoolFilter.nameContains) on the text indexes: one on names (V002)
// and this one on the aliases joined by spaces, so that neither side scans every school.
CREATE TEXT INDEX school_search_text IF NOT EXISTS FOR (s:School) ON (s.searchText);

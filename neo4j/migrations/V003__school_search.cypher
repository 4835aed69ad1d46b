// Chinese-aware search over school names and aliases. The cjk analyzer splits Han
// text into bigrams, so 盘屿 finds 福州市仓山区盘屿中学 and 十六中 its alias.
// `searchText` holds the aliases joined by spaces (the index takes string properties).
CREATE FULLTEXT INDEX school_names IF NOT EXISTS
FOR (s:School) ON EACH [s.name, s.searchText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };

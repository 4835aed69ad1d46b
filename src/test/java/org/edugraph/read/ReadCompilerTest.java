package org.edugraph.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.edugraph.api.ApiException;
import org.edugraph.api.ErrorKind;
import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/**
 * What the compiler makes of a request, without a database: the one statement of each kind
 * of root read, as people read Cypher, and its parameters (every value a client sent is a
 * parameter, named by its place, never by its value). A change to the compiler shows here in
 * seconds; the HTTP tests check what the statements answer.
 */
@Unit
class ReadCompilerTest {

    private static final Map<String, Object> VARIABLES = Map.of("after", org.edugraph.api.Page.cursor("cs-fuwan-kg"));

    @Test
    void aSchoolPageWithItsRegionGroupsAndPairingsIsOneStatement() {
        var compiled = CompiledReads.compile("{ school(id: \"cs-panyu-ms\") { id name region { code name } groups { role group { id name } } mentoring { id kind active mentee { id name } } } }", VARIABLES);
        assertThat(CompiledReads.cypher(compiled)).isEqualTo("""
                RETURN head(COLLECT { MATCH (n0:School {
                    id: $p0
                  })
                  RETURN {
                    id: n0.id,
                    name: n0.name,
                    region: head(COLLECT {
                      MATCH (n0)-[:LOCATED_IN]->(o1:Region)
                      RETURN {
                        code: o1.code,
                        name: o1.name
                      }
                    }),
                    groups: COLLECT {
                      MATCH (n0)-[m3:MEMBER_OF]->(g2:EducationGroup)
                      WITH n0, m3, g2 ORDER BY g2.id ASC
                      RETURN {
                        role: m3.role,
                        group: {
                          id: g2.id,
                          name: g2.name
                        }
                      }
                    },
                    mentoring: COLLECT {
                      MATCH (n0)<-[:MENTOR]-(o4:Pairing)
                      WITH o4 ORDER BY o4.id ASC
                      RETURN {
                        id: o4.id,
                        kind: o4.kind,
                        active: ((o4.startDate IS NULL
                            OR o4.startDate <= $p1)
                          AND (o4.endDate IS NULL
                            OR o4.endDate >= $p1)),
                        mentee: head(COLLECT {
                          MATCH (o4)-[:MENTEE]->(o5:School)
                          RETURN {
                            id: o5.id,
                            name: o5.name
                          }
                        })
                      }
                    }
                  }
                }) AS result""");
        assertThat(compiled.parameters()).hasToString("{p0=cs-panyu-ms, p1=2026-12-06}");
        assertThat(compiled.references()).hasToString("{}");
        assertThat(compiled.missing()).isEqualTo("No school with id cs-panyu-ms");
    }

    @Test
    void whereASchoolIsFromItsTownOfTheGazetteerOrTheReportsWords() {
        var compiled = CompiledReads.compile("{ school(id: \"qz-chendai-ps\") { region { code } town { code name county { code name } } regionSource { id section kind } sources { id kind } } }", VARIABLES);
        assertThat(CompiledReads.cypher(compiled)).isEqualTo("""
                RETURN head(COLLECT { MATCH (n0:School {
                    id: $p0
                  })
                  RETURN {
                    region: head(COLLECT {
                      MATCH (n0)-[:LOCATED_IN]->(o1:Region)
                      RETURN {
                        code: o1.code
                      }
                    }),
                    town: head(COLLECT {
                      MATCH (n0)-[l2:LOCATED_IN]->(:Region)
                      MATCH (t3:Town {
                        code: l2.town
                      })
                      RETURN {
                        code: t3.code,
                        name: t3.name,
                        county: head(COLLECT {
                          MATCH (o4:Region {
                            code: t3.county
                          })
                          RETURN {
                            code: o4.code,
                            name: o4.name
                          }
                        })
                      }
                    }),
                    regionSource: head(COLLECT {
                      MATCH (n0)-[l5:LOCATED_IN]->(:Region)
                      OPTIONAL MATCH (t6:Town {
                        code: l5.town
                      })
                      OPTIONAL MATCH (f7:GazetteerFile {
                        name: 'gazetteer'
                      })
                      OPTIONAL MATCH (g8:Source {
                        id: f7.sourceId
                      })
                      OPTIONAL MATCH (src9:Source {
                        id: l5.source
                      })
                      RETURN CASE WHEN (t6 IS NOT NULL
                        AND g8 IS NOT NULL) THEN {
                        id: ((g8.id + '#') + t6.code),
                        section: ((t6.code + ' ') + t6.name),
                        kind: 'GAZETTEER'
                      } WHEN src9 IS NOT NULL THEN {
                        id: src9.id,
                        section: src9.section,
                        kind: coalesce(src9.kind, CASE WHEN src9.synthetic = true THEN 'GENERATED' ELSE 'REPORT' END)
                      } END
                    }),
                    sources: COLLECT {
                      MATCH (n0)-[:STATED_IN]->(o10:Source)
                      WITH o10 ORDER BY o10.id ASC
                      RETURN {
                        id: o10.id,
                        kind: coalesce(o10.kind, CASE WHEN o10.synthetic = true THEN 'GENERATED' ELSE 'REPORT' END)
                      }
                    }
                  }
                }) AS result""");
        assertThat(compiled.parameters()).hasToString("{p0=qz-chendai-ps}");
    }

    @Test
    void aFilteredPageStartsFromTheRegionAndCountsOnlyWhenAsked() {
        var compiled = CompiledReads.compile("query($after: String) { schools(filter: {regionCode: \"350104\", types: [PRIMARY]}, first: 2, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }", VARIABLES);
        assertThat(CompiledReads.cypher(compiled)).isEqualTo("""
                RETURN {
                  rows: {
                    edges: COLLECT { MATCH (:Region {
                        code: $p1
                      })<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(n0:School)
                      WITH n0 WHERE (n0.type IN $p2
                        AND n0.id > $p3)
                      WITH n0 ORDER BY n0.id ASC LIMIT $p4
                      RETURN {
                        __sortKey: n0.id,
                        node: {
                          id: n0.id
                        }
                      }
                    }
                  },
                  total: COUNT {
                    MATCH (:Region {
                      code: $p5
                    })<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(n1:School)
                    WITH n1 WHERE n1.type IN $p6
                    WITH n1
                    RETURN n1
                  }
                } AS result, EXISTS { (:Region {
                    code: $p0
                  })
                } AS ref0""");
        assertThat(compiled.parameters()).hasToString("{p0=350104, p1=350104, p2=[PRIMARY], p3=cs-fuwan-kg, p4=3, p5=350104, p6=[PRIMARY]}");
        assertThat(compiled.references()).hasToString("{ref0=No region with code 350104}");
        assertThat(compiled.missing()).isEqualTo(null);
    }

    @Test
    void aNameFilterStartsFromTheTextIndexes() {
        var compiled = CompiledReads.compile("{ schools(filter: {nameContains: \" 盘屿 \"}, first: 20) { edges { node { id name } } } }", VARIABLES);
        assertThat(CompiledReads.cypher(compiled)).isEqualTo("""
                RETURN {
                  rows: {
                    edges: COLLECT {
                      CALL () {
                        MATCH (n0:School) WHERE n0.name CONTAINS $p0
                        RETURN n0 UNION
                        MATCH (n0:School) WHERE n0.searchText CONTAINS $p0
                        RETURN n0
                      }
                      WITH n0 WHERE (n0.name CONTAINS $p1
                        OR any(alias IN coalesce(n0.aliases, []) WHERE alias CONTAINS $p1))
                      WITH n0 ORDER BY n0.id ASC LIMIT $p2
                      RETURN {
                        __sortKey: n0.id,
                        node: {
                          id: n0.id,
                          name: n0.name
                        }
                      }
                    }
                  }
                } AS result""");
        assertThat(compiled.parameters()).hasToString("{p0=盘屿, p1=盘屿, p2=21}");
        assertThat(compiled.references()).hasToString("{}");
        assertThat(compiled.missing()).isEqualTo(null);
    }

    @Test
    void pairingsStartFromTheMentorAndCheckTheRestOfTheFilter() {
        var compiled = CompiledReads.compile("{ pairings(filter: {mentorId: \"m\", regionCode: \"350104\", kinds: [ONE_TO_ONE], activeOn: \"2022-09-01\"}, first: 5) { edges { node { id } } } }", VARIABLES);
        assertThat(CompiledReads.cypher(compiled)).isEqualTo("""
                RETURN {
                  rows: {
                    edges: COLLECT { MATCH (:School {
                        id: $p2
                      })<-[:MENTOR]-(n0:Pairing)
                      WITH n0 WHERE (EXISTS { (n0)-[:MENTOR|MENTEE]->(end1:School) WHERE EXISTS { (end1)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {
                              code: $p3
                            })
                          }
                        }
                        AND n0.kind IN $p4
                        AND ((n0.startDate IS NULL
                            OR n0.startDate <= $p5)
                          AND (n0.endDate IS NULL
                            OR n0.endDate >= $p5)))
                      WITH n0 ORDER BY n0.id ASC LIMIT $p6
                      RETURN {
                        __sortKey: n0.id,
                        node: {
                          id: n0.id
                        }
                      }
                    }
                  }
                } AS result, EXISTS { (:Region {
                    code: $p0
                  })
                } AS ref0, EXISTS { (:School {
                    id: $p1
                  })
                } AS ref1""");
        assertThat(compiled.parameters()).hasToString("{p0=350104, p1=m, p2=m, p3=350104, p4=[ONE_TO_ONE], p5=2022-09-01, p6=6}");
        assertThat(compiled.references()).hasToString("{ref0=No region with code 350104, ref1=No school with id m}");
        assertThat(compiled.missing()).isEqualTo(null);
    }

    @Test
    void aProgramWithParticipantsOfOneRoleItsPairingsCountedAndFiguresWithSources() {
        var compiled = CompiledReads.compile("{ program(id: \"qz-5g-classroom\") { name participants(role: MENTOR) { role school { name } } pairings(first: 3) { totalCount } figures { value qualifier source { title } } } }", VARIABLES);
        assertThat(CompiledReads.cypher(compiled)).isEqualTo("""
                RETURN head(COLLECT { MATCH (n0:Program {
                    id: $p0
                  })
                  RETURN {
                    name: n0.name,
                    participants: COLLECT {
                      MATCH (s1:School)-[q2:PARTICIPATES_IN]->(n0)
                      WITH s1, q2, n0 WHERE q2.role = $p1
                      WITH s1, q2, n0 ORDER BY CASE q2.role WHEN 'MENTOR' THEN 0 WHEN 'MENTEE' THEN 1 ELSE 2 END ASC, s1.id ASC
                      RETURN {
                        role: q2.role,
                        school: {
                          name: s1.name
                        }
                      }
                    },
                    pairings: {
                      rows: {
                      },
                      total: COUNT {
                        MATCH (n0)<-[:UNDER]-(n3:Pairing)
                        WITH n3
                        RETURN n3
                      }
                    },
                    figures: COLLECT {
                      MATCH (n0)<-[:ABOUT]-(o4:Figure)
                      WITH o4 ORDER BY o4.id ASC
                      RETURN {
                        value: o4.value,
                        qualifier: o4.qualifier,
                        source: head(COLLECT {
                          MATCH (o4)-[:STATED_IN]->(o5:Source)
                          RETURN {
                            title: o5.title
                          }
                        })
                      }
                    }
                  }
                }) AS result""");
        assertThat(compiled.parameters()).hasToString("{p0=qz-5g-classroom, p1=MENTOR}");
        assertThat(compiled.references()).hasToString("{}");
        assertThat(compiled.missing()).isEqualTo("No program with id qz-5g-classroom");
    }

    @Test
    void searchRanksExactNamesThenContainingThenFullTextScore() {
        var compiled = CompiledReads.compile("{ searchSchools(text: \"十六中\", first: 3) { id name } }", VARIABLES);
        assertThat(CompiledReads.cypher(compiled)).isEqualTo("""
                RETURN COLLECT {
                  CALL () {CALL db.index.fulltext.queryNodes('school_names', $p2, {
                      limit: $p1
                    }) YIELD node, score
                    RETURN node AS n0, score AS score1 UNION ALL
                    MATCH (n0:School) WHERE (n0.name CONTAINS $p0
                      OR any(alias IN coalesce(n0.aliases, []) WHERE alias CONTAINS $p0))
                    RETURN n0, 0.0 AS score1
                  }
                  WITH n0, max(score1) AS score1
                  WITH n0, score1 AS score1, CASE WHEN (n0.name = $p0
                    OR $p0 IN n0.aliases) THEN 2 WHEN (n0.name CONTAINS $p0
                    OR any(alias IN coalesce(n0.aliases, []) WHERE alias CONTAINS $p0)) THEN 1 ELSE 0 END AS rank2 ORDER BY rank2 DESC, score1 DESC, size(n0.name) ASC, n0.id ASC LIMIT $p1
                  RETURN {
                    id: n0.id,
                    name: n0.name
                  }
                } AS result""");
        assertThat(compiled.parameters()).hasToString("{p0=十六中, p1=3, p2=十六中}");
        assertThat(compiled.references()).hasToString("{}");
        assertThat(compiled.missing()).isEqualTo(null);
    }

    @Test
    void regionsOfALevelWithTheirParentAndASchoolCount() {
        var compiled = CompiledReads.compile("{ regions(level: COUNTY) { code parent { code } schools(first: 2) { totalCount } } }", VARIABLES);
        assertThat(CompiledReads.cypher(compiled)).isEqualTo("""
                RETURN COLLECT { MATCH (n0:Region)
                  WITH n0 WHERE n0.level = $p0
                  WITH n0 ORDER BY n0.code ASC
                  RETURN {
                    code: n0.code,
                    parent: head(COLLECT {
                      MATCH (n0)-[:PART_OF]->(o1:Region)
                      RETURN {
                        code: o1.code
                      }
                    }),
                    schools: {
                      rows: {
                      },
                      total: COUNT {
                        MATCH (n0)<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(s2:School)
                        WITH s2
                        RETURN s2
                      }
                    }
                  }
                } AS result""");
        assertThat(compiled.parameters()).hasToString("{p0=COUNTY}");
        assertThat(compiled.references()).hasToString("{}");
        assertThat(compiled.missing()).isEqualTo(null);
    }

    @Test
    void groupsOfAKindInARegionWithTheirMembersLeadFirst() {
        var compiled = CompiledReads.compile("{ educationGroups(filter: {kind: GROUP, regionCode: \"350104\"}) { edges { node { name members { role school { name } } } } } }", VARIABLES);
        assertThat(CompiledReads.cypher(compiled)).isEqualTo("""
                RETURN {
                  rows: {
                    edges: COLLECT { MATCH (:Region {
                        code: $p1
                      })<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(n0:EducationGroup)
                      WITH n0 WHERE n0.kind = $p2
                      WITH n0 ORDER BY n0.id ASC LIMIT $p3
                      RETURN {
                        __sortKey: n0.id,
                        node: {
                          name: n0.name,
                          members: COLLECT {
                            MATCH (s1:School)-[m2:MEMBER_OF]->(n0)
                            WITH s1, m2, n0 ORDER BY CASE m2.role WHEN 'LEAD' THEN 0 ELSE 1 END ASC, s1.id ASC
                            RETURN {
                              role: m2.role,
                              school: {
                                name: s1.name
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                } AS result, EXISTS { (:Region {
                    code: $p0
                  })
                } AS ref0""");
        assertThat(compiled.parameters()).hasToString("{p0=350104, p1=350104, p2=GROUP, p3=21}");
        assertThat(compiled.references()).hasToString("{ref0=No region with code 350104}");
        assertThat(compiled.missing()).isEqualTo(null);
    }

    @Test
    void onlyWhatIsSelectedIsReadUnderItsAlias() {
        var compiled = CompiledReads.compile("{ a: school(id: \"x\") { n1: name n2: name } }", VARIABLES);
        assertThat(CompiledReads.cypher(compiled)).isEqualTo("""
                RETURN head(COLLECT { MATCH (n0:School {
                    id: $p0
                  })
                  RETURN {
                    n1: n0.name,
                    n2: n0.name
                  }
                }) AS result""");
        assertThat(compiled.parameters()).hasToString("{p0=x}");
        assertThat(compiled.references()).hasToString("{}");
        assertThat(compiled.missing()).isEqualTo("No school with id x");
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsCompiled() {
        for (String document : java.util.List.of(
                "{ schools(first: 501) { totalCount } }",
                "{ schools(first: -1) { totalCount } }",
                "{ pairings(after: \"not-a-cursor\") { totalCount } }",
                "{ schools(filter: {nameContains: \"  \"}) { totalCount } }",
                "{ searchSchools(text: \"\") { id } }",
                "{ region(code: \"350104\") { schools(first: 1000) { totalCount } } }")) {
            assertThatThrownBy(() -> CompiledReads.compile(document))
                    .as(document).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST));
        }
    }

    /** The text of a statement depends on the shape of its request, never on its values (Reads keeps texts by it). */
    @Test
    void requestsOfOneSignatureCompileToOneTextWhateverTheirValues() {
        String document = "query($id: ID!, $code: ID!) { school(id: $id) { name region { code } } region(code: $code) { name } }";
        var a = CompiledReads.compile(document, Map.of("id", "a", "code", "350104"));
        var b = CompiledReads.compile(document, Map.of("id", "cs-panyu-ms", "code", "350104"));
        assertThat(CompiledReads.cypher(a)).isEqualTo(CompiledReads.cypher(b));
        assertThat(a.parameters()).isNotEqualTo(b.parameters());
        String filtered = "query($f: SchoolFilter) { schools(filter: $f) { totalCount } }";
        var byRegion = CompiledReads.root(filtered, Map.of("f", Map.of("regionCode", "350104")));
        var byOtherRegion = CompiledReads.root(filtered, Map.of("f", Map.of("regionCode", "350500")));
        var byText = CompiledReads.root(filtered, Map.of("f", Map.of("nameContains", "盘屿")));
        assertThat(byRegion.signature()).isEqualTo(byOtherRegion.signature()).isNotEqualTo(byText.signature());
    }
}

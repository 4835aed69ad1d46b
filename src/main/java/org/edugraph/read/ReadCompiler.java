package org.edugraph.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.edugraph.EduGraphProperties;
import org.edugraph.api.ApiException;
import org.edugraph.api.Page;
import org.edugraph.pairing.PairingActivity;
import org.edugraph.region.RegionCypher;
import org.edugraph.school.SchoolRules;
import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.PatternElement;
import org.neo4j.cypherdsl.core.Relationship;
import org.neo4j.cypherdsl.core.SortItem;
import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.cypherdsl.core.StatementBuilder;

/**
 * Compiles the selection of a root read field into one Cypher statement, built with
 * Cypher-DSL: the root's rows found from their most selective filter (an index, a region's
 * tree, a group), and every field selected below them as map entries, pattern subqueries
 * ({@code COLLECT {}}, {@code COUNT {}}) and pages, at any depth. Only what is selected is
 * read. Beside the statement it builds the {@link Shape} that turns the answer into what
 * GraphQL reads, and the references whose absence is NOT_FOUND, checked in the same
 * statement. This class is the one place that knows how the contract's types lie in the
 * graph.
 */
public final class ReadCompiler {

    /** The statement's column holding the answer. */
    static final String RESULT = "result";

    /**
     * A compiled read.
     *
     * @param statement  the statement; its parameters are {@code parameters}
     * @param shape      how the {@link #RESULT} column becomes what GraphQL reads
     * @param references per column, the message of the NOT_FOUND error when it is false
     * @param missing    the message of the NOT_FOUND error when the result is null (one object by key), or null
     */
    public record Compiled(Statement statement, Map<String, Object> parameters, Shape shape,
            Map<String, String> references, String missing) {
    }

    private final EduGraphProperties.Graphql limits;
    private final Supplier<LocalDate> today;

    public ReadCompiler(EduGraphProperties.Graphql limits, Supplier<LocalDate> today) {
        this.limits = limits;
        this.today = today;
    }

    /** The root fields this compiler answers. */
    public static final List<String> ROOTS = List.of("school", "schools", "searchSchools", "region", "regions",
            "educationGroup", "educationGroups", "program", "programs", "pairing", "pairings");

    /** Compiles one root field; arguments are checked first (BAD_REQUEST, nothing compiled). */
    public Compiled compile(Field root) {
        return new Run().root(root);
    }

    /** The types that {@link #compileRefs} reads by key. */
    static final List<String> REF_TYPES = List.of("School", "Pairing", "Program", "EducationGroup", "Region", "GroupMembership");

    /**
     * Reads objects of {@code type} by their keys (each a list: an id, or a membership's school and
     * group ids), each with what {@code field} selects, in one statement: the objects a mutation, an
     * analytic or a subscription names, a level at a time. The answer is a list of {@code {key, row}}.
     */
    public Compiled compileRefs(String type, List<List<String>> keys, Field field) {
        return new Run().refs(type, keys, field);
    }

    /** One compilation: its variables, parameters and references. */
    private final class Run {

        private final Compilation c = new Compilation();
        private final Map<String, String> references = new LinkedHashMap<>();
        private final Map<String, Expression> referenceChecks = new LinkedHashMap<>();

        Compiled root(Field root) {
            return switch (root.name()) {
                case "school" -> byKey(root, "School", "id", "No school with id ", this::school);
                case "region" -> byKey(root, "Region", "code", "No region with code ", this::region);
                case "educationGroup" -> byKey(root, "EducationGroup", "id", "No education group with id ", this::group);
                case "program" -> byKey(root, "Program", "id", "No program with id ", this::program);
                case "pairing" -> byKey(root, "Pairing", "id", "No pairing with id ", this::pairing);
                case "schools" -> answer(connection(root, schoolRows(filter(root)), this::school));
                case "pairings" -> answer(connection(root, pairingRows(filter(root)), this::pairing));
                case "educationGroups" -> answer(connection(root, groupRows(filter(root)), this::group));
                case "programs" -> answer(list(programRows(filter(root)), x -> List.of(x.property("id").ascending()),
                        root, this::program));
                case "regions" -> answer(regions(root));
                case "searchSchools" -> answer(search(root));
                default -> throw new IllegalArgumentException("Not a read the compiler answers: " + root.name());
            };
        }

        // ---- objects by key

        Compiled refs(String type, List<List<String>> keys, Field field) {
            var key = c.name("key");
            var k = c.parameter(keys);
            Node n;
            PatternElement pattern;
            Projected row;
            if (type.equals("GroupMembership")) {
                Node s = c.node("School", "s").withProperties("id", Cypher.valueAt(key, 0));
                Node g = c.node("EducationGroup", "g").withProperties("id", Cypher.valueAt(key, 1));
                Relationship m = s.relationshipTo(g, "MEMBER_OF").named(c.name("m"));
                pattern = m;
                row = membership(s, m, g, field.fields());
            } else {
                String property = type.equals("Region") ? "code" : "id";
                n = c.node(type, "n").withProperties(property, Cypher.valueAt(key, 0));
                pattern = n;
                Projector projector = switch (type) {
                    case "School" -> this::school;
                    case "Pairing" -> this::pairing;
                    case "Program" -> this::program;
                    case "EducationGroup" -> this::group;
                    case "Region" -> this::region;
                    default -> throw new IllegalArgumentException("Not a type read by key: " + type);
                };
                row = projector.project(n, field.fields());
            }
            Statement statement = Cypher.unwind(k).as(key).match(pattern)
                    .returning(Cypher.mapOf("key", key, "row", row.expression())).build();
            Shape shape = new Shape.ListOf(new Shape.Fields(Map.of("key", Shape.VALUE, "row", row.shape()), false));
            return compiled(Cypher.collect(statement), shape, null);
        }

        // ---- roots

        private Compiled byKey(Field root, String label, String key, String missing, Projector projector) {
            Object value = root.argument(key);
            Node n = c.node(label, "n").withProperties(key, c.parameter(value));
            Projected projected = projector.project(n, root.fields());
            Statement rows = Cypher.match(n).returning(projected.expression()).build();
            return compiled(Cypher.head(Cypher.collect(rows)), projected.shape(), missing + References.shown(value));
        }

        private Compiled answer(Projected projected) {
            return compiled(projected.expression(), projected.shape(), null);
        }

        private Compiled compiled(Expression result, Shape shape, String missing) {
            List<Expression> columns = new ArrayList<>();
            columns.add(result.as(RESULT));
            referenceChecks.forEach((name, check) -> columns.add(check.as(name)));
            return new Compiled(Cypher.returning(columns).build(), c.parameters(), shape, references, missing);
        }

        private Projected regions(Field root) {
            String level = root.argument("level");
            boolean holdingSchools = Boolean.TRUE.equals(root.argument("holdingSchools"));
            Rows rows = x -> {
                Node n = c.node("Region", "n");
                List<Condition> conditions = new java.util.ArrayList<>();
                if (level != null) {
                    conditions.add(n.property("level").isEqualTo(c.parameter(level)));
                }
                if (holdingSchools) {
                    // A school located in it or in a region below it.
                    conditions.add(exists(Cypher.node("School").relationshipTo(Cypher.node("Region"), "LOCATED_IN")
                            .relationshipTo(n, "PART_OF").min(0)));
                }
                return Bound.of(n, Cypher.match(n).with(n), conditions);
            };
            return list(rows, x -> List.of(x.property("code").ascending()), root, this::region);
        }

        /**
         * searchSchools: the cjk full-text index and a substring match, best first: an exact name or
         * alias, then names and aliases that contain the text, then by full-text score.
         */
        private Projected search(Field root) {
            String text = SchoolRules.searchText("text", root.argument("text"));
            int limit = Page.of(root.argument("first"), null, limits).first();
            var t = c.parameter(text);
            var l = c.parameter(limit);
            Node n = c.node("School", "n");
            var score = c.name("score");
            var rank = c.name("rank");
            // The procedure's columns have its own names (node, score), in a subquery of their own.
            Statement fullText = Cypher.call("db.index.fulltext.queryNodes")
                    .withArgs(Cypher.literalOf("school_names"), c.parameter(SchoolRules.luceneQuery(text)), Cypher.mapOf("limit", l))
                    .yield("node", "score")
                    .returning(Cypher.name("node").as(n.getRequiredSymbolicName().getValue()), Cypher.name("score").as(score)).build();
            Statement substring = Cypher.match(n).where(nameOrAliasContains(n, t))
                    .returning(n.getRequiredSymbolicName(), Cypher.literalOf(0.0).as(score)).build();
            Expression exact = n.property("name").isEqualTo(t).or(t.in(n.property("aliases")));
            Projected school = school(n, root.fields());
            Statement rows = Cypher.call(Cypher.unionAll(fullText, substring))
                    .with(n.getRequiredSymbolicName(), Cypher.max(score).as(score))
                    .with(n.getRequiredSymbolicName(), score.as(score.getValue()), Cypher.caseExpression()
                            .when(exact.asCondition()).then(Cypher.literalOf(2))
                            .when(nameOrAliasContains(n, t)).then(Cypher.literalOf(1))
                            .elseDefault(Cypher.literalOf(0)).as(rank))
                    .orderBy(Cypher.name(rank.getValue()).descending(), Cypher.name(score.getValue()).descending(),
                            Cypher.size(n.property("name")).ascending(), n.property("id").ascending())
                    .limit(l)
                    .returning(school.expression()).build();
            return new Projected(Cypher.collect(rows), new Shape.ListOf(school.shape()));
        }

        // ---- the rows of lists, by filter

        private Map<String, Object> filter(Field root) {
            Map<String, Object> filter = root.argument("filter");
            return filter == null ? Map.of() : filter;
        }

        /** A reference the filter names, checked in the statement: its absence is NOT_FOUND. */
        private void reference(Object value, String label, String key, String noun) {
            if (value == null) {
                return;
            }
            String name = "ref" + referenceChecks.size();
            referenceChecks.put(name, Cypher.exists(Cypher.node(label).withProperties(key, c.parameter(value))));
            references.put(name, "No " + noun + " " + References.shown(value));
        }

        /** SchoolFilter: found from the group, the program, the region or the text, the rest checked. */
        private Rows schoolRows(Map<String, Object> f) {
            String text = f.get("nameContains") == null ? null : SchoolRules.searchText("nameContains", (String) f.get("nameContains"));
            Object region = f.get("regionCode");
            Object program = f.get("programId");
            Object group = f.get("groupId");
            Object types = f.get("types");
            Object ownership = f.get("ownership");
            reference(region, "Region", "code", "region with code");
            reference(program, "Program", "id", "program with id");
            reference(group, "EducationGroup", "id", "education group with id");
            return x -> {
                Node n = c.node("School", "n");
                List<Condition> conditions = new ArrayList<>();
                StatementBuilder.OrderableOngoingReadingAndWithWithoutWhere bound;
                if (group != null) {
                    bound = Cypher.match(Cypher.node("EducationGroup").withProperties("id", c.parameter(group))
                            .relationshipFrom(n, "MEMBER_OF")).with(n);
                } else if (program != null) {
                    bound = Cypher.match(Cypher.node("Program").withProperties("id", c.parameter(program))
                            .relationshipFrom(n, "PARTICIPATES_IN")).withDistinct(n);
                } else if (region != null) {
                    bound = Cypher.match(RegionCypher.locatedUnder(n, c.parameter(region))).with(n);
                } else if (text != null) {
                    var t = c.parameter(text);
                    // The text indexes on the name and on the aliases joined (searchText) find the candidates.
                    bound = Cypher.call(Cypher.union(
                                    Cypher.match(n).where(n.property("name").contains(t)).returning(n).build(),
                                    Cypher.match(n).where(n.property("searchText").contains(t)).returning(n).build()))
                            .with(n);
                } else {
                    bound = Cypher.match(n).with(n);
                }
                if (text != null) {
                    conditions.add(nameOrAliasContains(n, c.parameter(text)));
                }
                if (types != null) {
                    conditions.add(n.property("type").in(c.parameter(types)));
                }
                if (ownership != null) {
                    conditions.add(n.property("ownership").isEqualTo(c.parameter(ownership)));
                }
                if (program != null && group != null) {
                    conditions.add(exists(n.relationshipTo(Cypher.node("Program")
                            .withProperties("id", c.parameter(program)), "PARTICIPATES_IN")));
                }
                if (region != null && (group != null || program != null)) {
                    conditions.add(RegionCypher.locatedWithin(n, c.parameter(region)));
                }
                return Bound.of(n, bound, conditions);
            };
        }

        /** PairingFilter: found from the mentor, the mentee, the program or the region, the rest checked. */
        private Rows pairingRows(Map<String, Object> f) {
            Object program = f.get("programId");
            Object region = f.get("regionCode");
            Object mentor = f.get("mentorId");
            Object mentee = f.get("menteeId");
            Object kinds = f.get("kinds");
            Object activeOn = f.get("activeOn");
            reference(program, "Program", "id", "program with id");
            reference(region, "Region", "code", "region with code");
            reference(mentor, "School", "id", "school with id");
            reference(mentee, "School", "id", "school with id");
            return x -> pairings(x, program, region, mentor, mentee, kinds, activeOn);
        }

        private Bound pairings(Node parent, Object program, Object region, Object mentor, Object mentee, Object kinds,
                Object activeOn) {
            Node n = c.node("Pairing", "n");
            String anchored = mentor != null ? "mentor" : mentee != null ? "mentee" : program != null ? "program"
                    : region != null ? "region" : parent != null ? "parent" : "";
            StatementBuilder.OrderableOngoingReadingAndWithWithoutWhere bound = switch (anchored) {
                case "mentor" -> Cypher.match(Cypher.node("School").withProperties("id", c.parameter(mentor))
                        .relationshipFrom(n, "MENTOR")).with(n);
                case "mentee" -> Cypher.match(Cypher.node("School").withProperties("id", c.parameter(mentee))
                        .relationshipFrom(n, "MENTEE")).with(n);
                case "program" -> Cypher.match(Cypher.node("Program").withProperties("id", c.parameter(program))
                        .relationshipFrom(n, "UNDER")).with(n);
                case "region" -> Cypher.match(RegionCypher.locatedUnder(Cypher.node("School"), c.parameter(region))
                        .relationshipFrom(n, "MENTOR", "MENTEE")).withDistinct(n);
                case "parent" -> Cypher.match(parent.relationshipFrom(n, "UNDER")).with(n);
                default -> Cypher.match(n).with(n);
            };
            List<Condition> conditions = new ArrayList<>();
            if (mentor != null && !anchored.equals("mentor")) {
                conditions.add(exists(n.relationshipTo(Cypher.node("School").withProperties("id", c.parameter(mentor)), "MENTOR")));
            }
            if (mentee != null && !anchored.equals("mentee")) {
                conditions.add(exists(n.relationshipTo(Cypher.node("School").withProperties("id", c.parameter(mentee)), "MENTEE")));
            }
            if (program != null && !anchored.equals("program")) {
                conditions.add(exists(n.relationshipTo(Cypher.node("Program").withProperties("id", c.parameter(program)), "UNDER")));
            }
            if (region != null && !anchored.equals("region")) {
                Node end = c.node("School", "end");
                conditions.add(Cypher.exists(List.of(n.relationshipTo(end, "MENTOR", "MENTEE")),
                        org.neo4j.cypherdsl.core.Where.from(RegionCypher.locatedWithin(end, c.parameter(region)))));
            }
            if (kinds != null) {
                conditions.add(n.property("kind").in(c.parameter(kinds)));
            }
            if (activeOn != null) {
                conditions.add(PairingActivity.condition(n, c.parameter(activeOn)));
            }
            return Bound.of(n, bound, conditions);
        }

        /** GroupFilter: found from the region down; the kind checked. */
        private Rows groupRows(Map<String, Object> f) {
            Object kind = f.get("kind");
            Object region = f.get("regionCode");
            reference(region, "Region", "code", "region with code");
            return x -> {
                Node n = c.node("EducationGroup", "n");
                var bound = region != null ? Cypher.match(RegionCypher.locatedUnder(n, c.parameter(region))).with(n)
                        : Cypher.match(n).with(n);
                return Bound.of(n, bound, kind == null ? List.of() : List.of(n.property("kind").isEqualTo(c.parameter(kind))));
            };
        }

        /** ProgramFilter: kind, year and region checked on every program (there are few). */
        private Rows programRows(Map<String, Object> f) {
            Object kind = f.get("kind");
            Object region = f.get("regionCode");
            Object year = f.get("year");
            reference(region, "Region", "code", "region with code");
            return x -> {
                Node n = c.node("Program", "n");
                List<Condition> conditions = new ArrayList<>();
                if (kind != null) {
                    conditions.add(n.property("kind").isEqualTo(c.parameter(kind)));
                }
                if (year != null) {
                    conditions.add(n.property("year").isEqualTo(c.parameter(year)));
                }
                if (region != null) {
                    conditions.add(RegionCypher.locatedWithin(n, c.parameter(region)));
                }
                return Bound.of(n, Cypher.match(n).with(n), conditions);
            };
        }

        // ---- lists and connections

        /** Every row, in order, each projected. */
        private Projected list(Rows rows, Function<Node, List<SortItem>> order, Field field, Projector projector) {
            Bound b = rows.bind(null);
            Projected row = projector.project(b.node(), field.fields());
            Statement statement = b.reading().orderBy(order.apply(b.node())).returning(row.expression()).build();
            return new Projected(Cypher.collect(statement), new Shape.ListOf(row.shape()));
        }

        /**
         * A Relay connection over {@code rows}, in id order: for each selected {@code edges} a list of
         * up to {@code first + 1} rows after the cursor (the extra one tells there is a next page), each
         * with the node's selections and its sort key; a count only when {@code totalCount} is selected.
         */
        private Projected connection(Field field, Rows rows, Projector projector) {
            return connection(field, rows, null, projector);
        }

        private Projected connection(Field field, Rows rows, Node parent, Projector projector) {
            Page page = Page.of(field.argument("first"), field.argument("after"), limits);
            Map<String, Expression> entries = new LinkedHashMap<>();
            Map<String, Expression> lists = new LinkedHashMap<>();
            Map<String, Shape.Connection.Edges> edges = new LinkedHashMap<>();
            Map<String, Map<String, String>> pageInfo = new LinkedHashMap<>();
            List<String> totalCount = new ArrayList<>();
            boolean aliased = false;
            for (Field f : field.fields()) {
                aliased |= !f.resultKey().equals(f.name()) || f.fields().stream().anyMatch(g -> !g.resultKey().equals(g.name()));
                switch (f.name()) {
                    case "edges" -> {
                        Bound b = rows.bind(parent);
                        Map<String, Expression> row = new LinkedHashMap<>();
                        Map<String, Shape> nodes = new LinkedHashMap<>();
                        List<String> cursors = new ArrayList<>();
                        row.put(Shape.Connection.SORT_KEY, b.node().property("id"));
                        for (Field e : f.fields()) {
                            if (e.name().equals("node")) {
                                Projected node = projector.project(b.node(), e.fields());
                                row.put(e.resultKey(), node.expression());
                                nodes.put(e.resultKey(), node.shape());
                            } else if (e.name().equals("cursor")) {
                                cursors.add(e.resultKey());
                            }
                        }
                        lists.put(f.resultKey(), page(b, page, map(row)));
                        edges.put(f.resultKey(), new Shape.Connection.Edges(nodes, cursors));
                    }
                    case "pageInfo" -> {
                        Map<String, String> selected = new LinkedHashMap<>();
                        f.fields().forEach(p -> selected.put(p.resultKey(), p.name()));
                        pageInfo.put(f.resultKey(), selected);
                    }
                    case "totalCount" -> totalCount.add(f.resultKey());
                    default -> throw new IllegalArgumentException("Not a field of a connection: " + f.name());
                }
            }
            if (!pageInfo.isEmpty() && edges.isEmpty()) {
                Bound b = rows.bind(parent);
                lists.put(Shape.Connection.KEYS, page(b, page, map(Map.of(Shape.Connection.SORT_KEY, b.node().property("id")))));
            }
            entries.put(Shape.Connection.ROWS, map(lists));
            if (!totalCount.isEmpty()) {
                Bound b = rows.bind(parent);
                entries.put(Shape.Connection.TOTAL, Cypher.count(b.reading().returning(b.node()).build()));
            }
            return new Projected(map(entries),
                    new Shape.Connection(page.first(), page.after() != null, edges, pageInfo, totalCount, aliased));
        }

        /** One page of the bound rows: after the cursor, in id order, one row more than asked for. */
        private Expression page(Bound b, Page page, Expression row) {
            var reading = page.after() == null ? b.reading() : b.reading(b.node().property("id").gt(c.parameter(page.after())));
            return Cypher.collect(reading.orderBy(b.node().property("id").ascending()).limit(c.parameter(page.first() + 1))
                    .returning(row).build());
        }

        // ---- the contract's types

        private Projected school(Node n, List<Field> fields) {
            return object(fields, f -> switch (f.name()) {
                case "id", "name", "type", "typeCode", "nationalCode" -> value(n.property(f.name()));
                case "aliases" -> value(Cypher.coalesce(n.property("aliases"), Cypher.listOf()));
                case "ownership" -> value(Cypher.coalesce(n.property("ownership"), Cypher.literalOf("UNKNOWN")));
                case "synthetic" -> value(Cypher.coalesce(n.property("synthetic"), Cypher.literalFalse()));
                case "region" -> one(n, "LOCATED_IN", true, "Region", f, this::region);
                case "town" -> town(n, f);
                case "regionSource" -> regionSource(n, f);
                case "mergedInto" -> one(n, "MERGED_INTO", true, "School", f, this::school);
                case "mergedFrom" -> many(n, "MERGED_INTO", false, "School", f, x -> List.of(x.property("id").ascending()), this::school);
                case "groups" -> {
                    Node g = c.node("EducationGroup", "g");
                    Relationship m = n.relationshipTo(g, "MEMBER_OF").named(c.name("m"));
                    yield related(m, List.of(g.property("id").ascending()), f, fs -> membership(n, m, g, fs));
                }
                case "mentoring" -> many(n, "MENTOR", false, "Pairing", f, x -> List.of(x.property("id").ascending()), this::pairing);
                case "mentoredBy" -> many(n, "MENTEE", false, "Pairing", f, x -> List.of(x.property("id").ascending()), this::pairing);
                case "programs" -> {
                    Node p = c.node("Program", "g");
                    Relationship q = n.relationshipTo(p, "PARTICIPATES_IN").named(c.name("q"));
                    yield related(q, List.of(p.property("id").ascending()), f, fs -> participation(n, q, p, fs));
                }
                case "sources" -> sources(n, f);
                case "recognitions" -> many(n, "OF", false, "Recognition", f,
                        x -> List.of(x.property("year").descending(), x.property("title").ascending()), this::recognition);
                default -> unknown("School", f);
            });
        }

        private Projected region(Node n, List<Field> fields) {
            return object(fields, f -> switch (f.name()) {
                case "code", "name", "level" -> value(n.property(f.name()));
                case "official" -> value(Cypher.coalesce(n.property("official"), Cypher.literalTrue()));
                case "parent" -> one(n, "PART_OF", true, "Region", f, this::region);
                case "children" -> many(n, "PART_OF", false, "Region", f, x -> List.of(x.property("code").ascending()), this::region);
                case "schools" -> connection(f, parent -> {
                    Node s = c.node("School", "s");
                    return Bound.of(s, Cypher.match(parent.relationshipFrom(Cypher.node("Region"), "PART_OF").min(0)
                            .relationshipFrom(s, "LOCATED_IN")).with(s), List.of());
                }, n, this::school);
                case "figures" -> figures(n, f);
                default -> unknown("Region", f);
            });
        }

        private Projected group(Node n, List<Field> fields) {
            return object(fields, f -> switch (f.name()) {
                case "id", "name", "kind" -> value(n.property(f.name()));
                case "synthetic" -> value(Cypher.coalesce(n.property("synthetic"), Cypher.literalFalse()));
                case "region" -> one(n, "LOCATED_IN", true, "Region", f, this::region);
                case "members" -> {
                    Node s = c.node("School", "s");
                    Relationship m = s.relationshipTo(n, "MEMBER_OF").named(c.name("m"));
                    yield related(m, List.of(Cypher.caseExpression(m.property("role")).when(Cypher.literalOf("LEAD"))
                            .then(Cypher.literalOf(0)).elseDefault(Cypher.literalOf(1)).ascending(), s.property("id").ascending()),
                            f, fs -> membership(s, m, n, fs));
                }
                case "figures" -> figures(n, f);
                case "sources" -> sources(n, f);
                default -> unknown("EducationGroup", f);
            });
        }

        private Projected program(Node n, List<Field> fields) {
            return object(fields, f -> switch (f.name()) {
                case "id", "name", "note", "kind", "level", "year" -> value(n.property(f.name()));
                case "synthetic" -> value(Cypher.coalesce(n.property("synthetic"), Cypher.literalFalse()));
                case "region" -> one(n, "LOCATED_IN", true, "Region", f, this::region);
                case "participants" -> {
                    Node s = c.node("School", "s");
                    Relationship q = s.relationshipTo(n, "PARTICIPATES_IN").named(c.name("q"));
                    Object role = f.argument("role");
                    List<SortItem> order = List.of(Cypher.caseExpression(q.property("role"))
                            .when(Cypher.literalOf("MENTOR")).then(Cypher.literalOf(0))
                            .when(Cypher.literalOf("MENTEE")).then(Cypher.literalOf(1))
                            .elseDefault(Cypher.literalOf(2)).ascending(), s.property("id").ascending());
                    Condition where = role == null ? null : q.property("role").isEqualTo(c.parameter(role));
                    yield related(q, where, order, f, fs -> participation(s, q, n, fs));
                }
                case "pairings" -> connection(f, parent -> pairings(parent, null, null, null, null, null, null), n, this::pairing);
                case "figures" -> figures(n, f);
                case "sources" -> sources(n, f);
                case "recognitions" -> many(n, "OF", false, "Recognition", f,
                        x -> List.of(x.property("year").descending(), x.property("title").ascending()), this::recognition);
                default -> unknown("Program", f);
            });
        }

        private Projected pairing(Node n, List<Field> fields) {
            return object(fields, f -> switch (f.name()) {
                case "id", "kind", "note", "startDate", "endDate", "createdAt", "createdBy" -> value(n.property(f.name()));
                case "synthetic" -> value(Cypher.coalesce(n.property("synthetic"), Cypher.literalFalse()));
                case "active" -> value(PairingActivity.condition(n, c.parameter(today.get())));
                case "mentor" -> one(n, "MENTOR", true, "School", f, this::school);
                case "mentee" -> one(n, "MENTEE", true, "School", f, this::school);
                case "program" -> one(n, "UNDER", true, "Program", f, this::program);
                case "sources" -> sources(n, f);
                default -> unknown("Pairing", f);
            });
        }

        private Projected membership(Node school, Relationship m, Node group, List<Field> fields) {
            return object(fields, f -> switch (f.name()) {
                case "school" -> school(school, f.fields());
                case "group" -> group(group, f.fields());
                case "role", "since" -> value(m.property(f.name()));
                default -> unknown("GroupMembership", f);
            });
        }

        private Projected participation(Node school, Relationship q, Node program, List<Field> fields) {
            return object(fields, f -> switch (f.name()) {
                case "school" -> school(school, f.fields());
                case "program" -> program(program, f.fields());
                case "role", "year" -> value(q.property(f.name()));
                default -> unknown("ProgramParticipation", f);
            });
        }

        private Projected figures(Node about, Field field) {
            return many(about, "ABOUT", false, "Figure", field, x -> List.of(x.property("id").ascending()), (n, fields) ->
                    object(fields, f -> switch (f.name()) {
                        case "metric", "label", "value", "unit", "qualifier", "year" -> value(n.property(f.name()));
                        case "source" -> one(n, "STATED_IN", true, "Source", f, this::source);
                        default -> unknown("Figure", f);
                    }));
        }

        private Projected sources(Node of, Field field) {
            return many(of, "STATED_IN", true, "Source", field, x -> List.of(x.property("id").ascending()), this::source);
        }

        private Projected source(Node n, List<Field> fields) {
            return object(fields, f -> switch (f.name()) {
                case "id", "title", "issuer", "published", "section", "quote" -> value(n.property(f.name()));
                // As written (the gazetteer's source says GAZETTEER), else generated data's or a report's (Source.KIND).
                case "kind" -> value(Cypher.coalesce(n.property("kind"), Cypher.caseExpression()
                        .when(n.property("synthetic").isTrue()).then(Cypher.literalOf("GENERATED"))
                        .elseDefault(Cypher.literalOf("REPORT"))));
                default -> unknown("Source", f);
            });
        }

        /**
         * School.town: the town of the gazetteer the school's record named, kept on its LOCATED_IN
         * ({@code town}, the town's code); null for a school placed by its region code.
         */
        private Projected town(Node school, Field field) {
            Relationship l = school.relationshipTo(Cypher.node("Region"), "LOCATED_IN").named(c.name("l"));
            Node t = c.node("Town", "t").withProperties("code", l.property("town"));
            Projected p = town(t, field.fields());
            Statement statement = Cypher.match(l).match(t).returning(p.expression()).build();
            return new Projected(Cypher.head(Cypher.collect(statement)), p.shape());
        }

        private Projected town(Node t, List<Field> fields) {
            return object(fields, f -> switch (f.name()) {
                case "code", "name" -> value(t.property(f.name()));
                case "county" -> {
                    // A town keeps its county's code (a lookup table, not a region below it).
                    Node o = c.node("Region", "o").withProperties("code", t.property("county"));
                    Projected p = region(o, f.fields());
                    yield new Projected(Cypher.head(Cypher.collect(Cypher.match(o).returning(p.expression()).build())), p.shape());
                }
                default -> unknown("Town", f);
            });
        }

        /**
         * School.regionSource: for a school placed by its town, the gazetteer's entry of that town (the
         * list's source, the town as its section, kind GAZETTEER); else the source its LOCATED_IN names
         * (the report's words that place it); null when an admin gave the region.
         */
        private Projected regionSource(Node school, Field field) {
            Relationship l = school.relationshipTo(Cypher.node("Region"), "LOCATED_IN").named(c.name("l"));
            Node t = c.node("Town", "t").withProperties("code", l.property("town"));
            Node file = c.node("GazetteerFile", "f").withProperties("name", Cypher.literalOf("gazetteer"));
            Node g = c.node("Source", "g").withProperties("id", file.property("sourceId"));
            Node src = c.node("Source", "src").withProperties("id", l.property("source"));
            Projected fromGazetteer = object(field.fields(), f -> switch (f.name()) {
                case "id" -> value(Cypher.concat(Cypher.concat(g.property("id"), Cypher.literalOf("#")), t.property("code")));
                case "title", "issuer", "published" -> value(g.property(f.name()));
                case "section" -> value(Cypher.concat(Cypher.concat(t.property("code"), Cypher.literalOf(" ")), t.property("name")));
                case "quote" -> value(Cypher.literalNull());
                case "kind" -> value(Cypher.literalOf("GAZETTEER"));
                default -> unknown("Source", f);
            });
            Projected fromReport = source(src, field.fields());
            Expression answer = Cypher.caseExpression()
                    .when(t.isNotNull().and(g.isNotNull())).then(fromGazetteer.expression())
                    .when(src.isNotNull()).then(fromReport.expression());
            Statement statement = Cypher.match(l).optionalMatch(t).optionalMatch(file).optionalMatch(g).optionalMatch(src)
                    .returning(answer).build();
            return new Projected(Cypher.head(Cypher.collect(statement)), fromReport.shape());
        }

        private Projected recognition(Node n, List<Field> fields) {
            return object(fields, f -> switch (f.name()) {
                case "title", "level", "year", "rank" -> value(n.property(f.name()));
                case "source" -> one(n, "STATED_IN", true, "Source", f, this::source);
                default -> unknown("Recognition", f);
            });
        }

        // ---- building blocks

        /** An object: one map entry per selected field, keyed by its result key. */
        private Projected object(List<Field> fields, Function<Field, Projected> entry) {
            Map<String, Expression> entries = new LinkedHashMap<>();
            Map<String, Shape> shapes = new LinkedHashMap<>();
            boolean aliased = false;
            for (Field f : fields) {
                Projected p = entry.apply(f);
                entries.put(f.resultKey(), p.expression());
                shapes.put(f.resultKey(), p.shape());
                aliased |= !f.resultKey().equals(f.name());
            }
            return new Projected(map(entries), new Shape.Fields(shapes, aliased));
        }

        /** The one node of {@code label} a relationship leads to from {@code n} (or comes from), projected; null for none. */
        private Projected one(Node n, String type, boolean outgoing, String label, Field field, Projector projector) {
            Node other = c.node(label, "o");
            PatternElement pattern = outgoing ? n.relationshipTo(other, type) : n.relationshipFrom(other, type);
            Projected p = projector.project(other, field.fields());
            return new Projected(Cypher.head(Cypher.collect(Cypher.match(pattern).returning(p.expression()).build())), p.shape());
        }

        /** Every node of {@code label} a relationship leads to from {@code n} (or comes from), in order, projected. */
        private Projected many(Node n, String type, boolean outgoing, String label, Field field,
                Function<Node, List<SortItem>> order, Projector projector) {
            Node other = c.node(label, "o");
            PatternElement pattern = outgoing ? n.relationshipTo(other, type) : n.relationshipFrom(other, type);
            Projected p = projector.project(other, field.fields());
            Statement statement = Cypher.match(pattern).with(other).orderBy(order.apply(other)).returning(p.expression()).build();
            return new Projected(Cypher.collect(statement), new Shape.ListOf(p.shape()));
        }

        /** The objects of a relationship with properties of its own (memberships, participations), in order. */
        private Projected related(Relationship r, List<SortItem> order, Field field, Function<List<Field>, Projected> projector) {
            return related(r, null, order, field, projector);
        }

        private Projected related(Relationship r, Condition where, List<SortItem> order, Field field,
                Function<List<Field>, Projected> projector) {
            Projected p = projector.apply(field.fields());
            var match = Cypher.match(r);
            var reading = where == null ? match.with(r.getLeft(), r, r.getRight())
                    : match.with(r.getLeft(), r, r.getRight()).where(where).with(r.getLeft(), r, r.getRight());
            Statement statement = reading.orderBy(order).returning(p.expression()).build();
            return new Projected(Cypher.collect(statement), new Shape.ListOf(p.shape()));
        }

        private Projected value(Expression expression) {
            return new Projected(expression, Shape.VALUE);
        }
    }

    /** {@code EXISTS { pattern }}: the subquery form (Cypher-DSL writes a relationship given as such as the old exists() function). */
    static Condition exists(PatternElement pattern) {
        return Cypher.exists(pattern);
    }

    private static Condition nameOrAliasContains(Node n, Expression text) {
        var alias = Cypher.name("alias");
        return n.property("name").contains(text)
                .or(Cypher.any(alias).in(Cypher.coalesce(n.property("aliases"), Cypher.listOf())).where(alias.contains(text)));
    }

    private static Expression map(Map<String, ? extends Expression> entries) {
        List<Object> keysAndValues = new ArrayList<>();
        entries.forEach((key, value) -> {
            keysAndValues.add(key);
            keysAndValues.add(value);
        });
        return Cypher.mapOf(keysAndValues.toArray());
    }

    private static Projected unknown(String type, Field field) {
        // The schema and this class disagree: a server fault, not the client's.
        throw new IllegalStateException("The read compiler does not know " + type + "." + field.name());
    }

    /** An expression and the shape of its value. */
    record Projected(Expression expression, Shape shape) {
    }

    /** Projects the selected fields of a node of one type. */
    @FunctionalInterface
    private interface Projector {
        Projected project(Node n, List<Field> fields);
    }

    /** The rows of a list, bound to a fresh variable; {@code parent} is the node a nested list hangs from. */
    @FunctionalInterface
    private interface Rows {
        Bound bind(Node parent);
    }

    /**
     * The rows of a list bound to {@code node}: a clause that finds candidates (an index, a
     * region's tree, a group), and the conditions each must meet.
     */
    private record Bound(Node node, StatementBuilder.OrderableOngoingReadingAndWithWithoutWhere base, List<Condition> conditions) {

        static Bound of(Node node, StatementBuilder.OrderableOngoingReadingAndWithWithoutWhere base, List<Condition> conditions) {
            return new Bound(node, base, List.copyOf(conditions));
        }

        /**
         * The rows, its conditions and {@code more} applied, in a reading that ends in a WITH an
         * ORDER BY and a LIMIT may follow (one written after a WHERE in the same WITH would filter
         * the limited rows, not limit the filtered ones).
         */
        StatementBuilder.OrderableOngoingReadingAndWith reading(Condition... more) {
            List<Condition> all = new ArrayList<>(conditions);
            all.addAll(List.of(more));
            if (all.isEmpty()) {
                return base;
            }
            Condition where = all.getFirst();
            for (Condition condition : all.subList(1, all.size())) {
                where = where.and(condition);
            }
            return base.where(where).with(node);
        }
    }

    /** What a NOT_FOUND error quotes of a client's value. */
    private static final class References {
        static String shown(Object value) {
            String text = String.valueOf(value);
            return text.length() <= 60 ? text : text.substring(0, 60) + "… (" + text.length() + " characters)";
        }
    }

    static ApiException notFound(String message) {
        return ApiException.notFound(message);
    }
}

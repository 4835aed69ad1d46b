package org.edugraph;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.edugraph.support.Unit;

/**
 * The package rules of docs/architecture.md, checked on the compiled main classes (no Spring, no
 * database): features above the shared packages, no cycle between top-level packages but the one
 * listed, and Cypher sent to Neo4j only through the gateway in {@code neo4j}.
 */
@AnalyzeClasses(packages = "org.edugraph", importOptions = ImportOption.DoNotIncludeTests.class)
@Unit
class ArchitectureTest {

    /** The parts of the domain and what is built on them (docs/architecture.md, "Packages"). */
    static final String[] FEATURES = {"org.edugraph.school..", "org.edugraph.region..", "org.edugraph.group..",
            "org.edugraph.program..", "org.edugraph.pairing..", "org.edugraph.source..", "org.edugraph.network..",
            "org.edugraph.seed..", "org.edugraph.pages..", "org.edugraph.read.."};

    /** What the features share: the GraphQL edge, the audit log, users and scopes, the imports' common part. */
    static final String[] SHARED = {"org.edugraph.api..", "org.edugraph.audit..", "org.edugraph.security..",
            "org.edugraph.imports.."};

    /** Beneath everything: the database and its one gateway, and the calendar. */
    static final String[] BASE = {"org.edugraph.neo4j..", "org.edugraph.time.."};

    @ArchTest
    static final ArchRule featuresAreAboveTheSharedPackages = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Features").definedBy(FEATURES)
            .layer("Shared").definedBy(SHARED)
            .layer("Base").definedBy(BASE)
            .whereLayer("Features").mayOnlyBeAccessedByLayers("Features")
            .whereLayer("Shared").mayOnlyBeAccessedByLayers("Features", "Shared")
            .whereLayer("Base").mayOnlyAccessLayers("Base")
            .because("a feature package holds its own mapping, rules, Cypher and records; what it shares "
                    + "lies below it and knows no feature (docs/architecture.md)");

    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages = slices().matching("org.edugraph.(*)..")
            .should().beFreeOfCycles()
            // The one known cycle today, and the only dependency that makes it: api's date scalars quote a bad
            // value cut short with imports' ImportErrors.cut (GraphQlScalars$TextCoercing.parseValue), while
            // imports depends on api (ApiException, ErrorKind) and on security, which depends on api too. It
            // closes two cycles, api -> imports -> api and api -> imports -> security -> api. Listed here by
            // name, so that any other dependency closing a cycle fails.
            .ignoreDependency(
                    nameMatching("org\\.edugraph\\.api\\.GraphQlScalars\\$TextCoercing"),
                    name("org.edugraph.imports.ImportErrors"))
            .because("a top-level package that reaches back into a package that uses it is not a layer "
                    + "(docs/architecture.md, \"No cycles\")");

    /** Running a statement on the driver: run on a session or transaction, a query of the driver, a session opened. */
    private static final DescribedPredicate<JavaCall<?>> RUNS_CYPHER_ON_THE_DRIVER = DescribedPredicate.or(
            target(owner(assignableTo("org.neo4j.driver.SimpleQueryRunner"))).and(target(name("run"))),
            target(owner(assignableTo("org.neo4j.driver.Driver")))
                    .and(target(nameMatching("executableQuery|session|executableQueryBookmarkManager"))),
            target(owner(assignableTo("org.neo4j.driver.Session"))).and(target(nameMatching("execute.*|begin.*"))))
            .as("runs Cypher on the Neo4j driver");

    @ArchTest
    static final ArchRule onlyTheGatewayRunsCypherOnTheDriver = noClasses()
            .that().resideOutsideOfPackage("org.edugraph.neo4j..")
            .should().callMethodWhere(RUNS_CYPHER_ON_THE_DRIVER)
            .because("every statement goes through neo4j.Graph, the one gateway that applies the timeout, the "
                    + "request's transaction, the bookmarks and the statement count (docs/architecture.md)");

    @ArchTest
    static final ArchRule onlyTheNeo4jPackageUsesTheEmbeddedDatabase = noClasses()
            .that().resideOutsideOfPackage("org.edugraph.neo4j..")
            .should().dependOnClassesThat().resideInAnyPackage("org.neo4j.graphdb..", "org.neo4j.dbms..",
                    "org.neo4j.kernel..", "org.neo4j.configuration..")
            .because("the embedded server and its in-process reads are the neo4j package's business; "
                    + "everything else runs the same code against an external server (docs/architecture.md)");

    /** The packages whose classes may run Cypher through neo4j.Graph. */
    static final String[] RUN_CYPHER = {"org.edugraph.neo4j..", "org.edugraph.school..", "org.edugraph.region..",
            "org.edugraph.group..", "org.edugraph.pairing..", "org.edugraph.network..", "org.edugraph.seed..",
            "org.edugraph.read..", "org.edugraph.audit..", "org.edugraph.security..", "org.edugraph.imports.."};

    @ArchTest
    static final ArchRule cypherOnlyFromTheFeaturesAndTheirSharedParts = noClasses()
            .that().resideOutsideOfPackages(RUN_CYPHER)
            // api is the GraphQL edge (paging, errors, limits); these two are the known exceptions that still
            // read through the gateway (a connection's batched lists, the refs of an answer), listed by name.
            .and().doNotBelongToAnyOf(org.edugraph.api.BatchedLists.class, org.edugraph.api.References.class)
            .should().accessClassesThat().belongToAnyOf(org.edugraph.neo4j.Graph.class)
            .because("Cypher lives beside the feature that runs it; the rest of api, and time, pages, program, "
                    + "source and network.measures run none (docs/architecture.md)");

    @ArchTest
    static final ArchRule measuresKnowNoSpringAndNoDatabase = noClasses()
            .that().resideInAPackage("org.edugraph.network.measures..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.neo4j..",
                    "org.edugraph.neo4j..", "org.edugraph.api..")
            .because("the measures of a network are computed in memory, on arrays, and tested without "
                    + "Spring or a database (docs/architecture.md)");
}

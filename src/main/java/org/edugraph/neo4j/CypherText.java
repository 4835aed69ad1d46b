package org.edugraph.neo4j;

import java.util.regex.Pattern;

import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.PatternElement;
import org.neo4j.cypherdsl.core.renderer.Configuration;
import org.neo4j.cypherdsl.core.renderer.Dialect;
import org.neo4j.cypherdsl.core.renderer.Renderer;

/**
 * Cypher text from Cypher-DSL: how every statement is written (Neo4j 5 syntax, names escaped
 * only where they must be), and the text of one condition or one pattern built with the DSL,
 * for the statements that are still written as text (the analytics, the exports, the writes).
 * So a rule (the region hierarchy, a pairing active on a day) is written once, as a builder
 * function, and the text is what that function builds.
 */
public final class CypherText {

    /** How statements are written: Neo4j 5 and later syntax, names escaped only where they must be. */
    public static final Renderer RENDERER = Renderer.getRenderer(Configuration.newConfig()
            .withDialect(Dialect.NEO4J_5_DEFAULT_CYPHER).alwaysEscapeNames(false).build());

    private static final String HOLDER = "__fragment";
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\w+)");

    private CypherText() {
    }

    /** The text of {@code condition}, as it stands after a WHERE. */
    public static String condition(Condition condition) {
        String text = RENDERER.render(Cypher.match(Cypher.anyNode(HOLDER)).where(condition).returning(Cypher.literalTrue()).build());
        return between(text, "MATCH (" + HOLDER + ") WHERE ", " RETURN true");
    }

    /** The text of {@code pattern}, as it stands after a MATCH. */
    public static String pattern(PatternElement pattern) {
        return between(RENDERER.render(Cypher.match(pattern).returning(Cypher.literalTrue()).build()), "MATCH ", " RETURN true");
    }

    /** A node for a text statement's variable {@code name} (none when empty) of {@code label} (any when null). */
    public static Node node(String name, String label) {
        Node node = label == null ? Cypher.anyNode() : Cypher.node(label);
        return name == null || name.isEmpty() ? node : node.named(name);
    }

    /** A Cypher expression given as text: a parameter ({@code $region}) or any other expression ({@code k.region}). */
    public static Expression expression(String text) {
        var parameter = PARAMETER.matcher(text);
        return parameter.matches() ? Cypher.parameter(parameter.group(1)) : Cypher.raw(text);
    }

    private static String between(String text, String prefix, String suffix) {
        if (!text.startsWith(prefix) || !text.endsWith(suffix)) {
            throw new IllegalStateException("Cypher-DSL wrote " + text + ", not " + prefix + "..." + suffix);
        }
        return text.substring(prefix.length(), text.length() - suffix.length());
    }
}

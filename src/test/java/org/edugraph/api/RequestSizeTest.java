package org.edugraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import graphql.parser.Parser;
import graphql.parser.ParserOptions;
import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/** The size of a request as RequestSize measures it before validation: fields with fragments spread, and depth. */
@Unit
class RequestSizeTest {

    private static RequestSize.Size size(String document) {
        ParserOptions unlimited = ParserOptions.newParserOptions().maxTokens(Integer.MAX_VALUE).maxCharacters(Integer.MAX_VALUE)
                .maxWhitespaceTokens(Integer.MAX_VALUE).maxRuleDepth(Integer.MAX_VALUE).build();
        return RequestSize.measure(Parser.parse(new graphql.parser.ParserEnvironment.Builder() { }
                .document(document).parserOptions(unlimited).build()));
    }

    private static String repeated(int n, String field) {
        return IntStream.range(0, n).mapToObj(i -> field).collect(Collectors.joining(" "));
    }

    @Test
    void everyOccurrenceOfAFieldCounts() {
        assertThat(size("{ regions { code } }")).isEqualTo(new RequestSize.Size(2, 2));
        assertThat(size("{ regions { " + repeated(14_500, "code") + " } }").selections()).isEqualTo(14_501);
        assertThat(size("{ " + repeated(3, "school(id: \"x\") { name region { code } }") + " }"))
                .isEqualTo(new RequestSize.Size(12, 3));
    }

    @Test
    void aFragmentCountsEachTimeItIsSpread() {
        String doc = "{ a: school(id: \"x\") { ...F } b: school(id: \"y\") { ...F ...F } } fragment F on School { name region { code } }";
        assertThat(size(doc)).isEqualTo(new RequestSize.Size(2 + 3 * 3, 3));
        // Ten spreads of ten spreads of ... of one field: 10^9 fields in a few hundred bytes.
        StringBuilder bomb = new StringBuilder("{ regions { ...F0 } }");
        for (int i = 0; i < 9; i++) {
            bomb.append(" fragment F").append(i).append(" on Region { ").append(repeated(10, "...F" + (i + 1))).append(" }");
        }
        bomb.append(" fragment F9 on Region { code }");
        assertThat(size(bomb.toString()).selections()).isEqualTo(1 + 1_000_000_000L);
        // Twenty levels: more than a long holds, counted up to the largest int.
        StringBuilder deeper = new StringBuilder("{ regions { ...F0 } }");
        for (int i = 0; i < 20; i++) {
            deeper.append(" fragment F").append(i).append(" on Region { ").append(repeated(10, "...F" + (i + 1))).append(" }");
        }
        deeper.append(" fragment F20 on Region { code }");
        assertThat(size(deeper.toString()).selections()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void fieldsWrittenInAFragmentNobodySpreadsCountToo() {
        // Validation looks at every selection set of the document, used or not.
        assertThat(size("{ regions { code } } fragment Unused on Region { " + repeated(5000, "code") + " }").selections())
                .isEqualTo(2 + 5000);
    }

    @Test
    void aFragmentSpreadInsideItselfEndsTheWalk() {
        assertThat(size("{ regions { ...A } } fragment A on Region { code parent { ...B } } fragment B on Region { ...A }"))
                .isEqualTo(new RequestSize.Size(3, 2)); // regions, code, parent: the spread of A inside A counts nothing
    }

    @Test
    void depthCountsNestedFieldsAsGraphqlJavaDoes() {
        String parents = "{ region(code: \"350104\") { " + "parent { ".repeat(12) + "code" + " }".repeat(12) + " } }";
        assertThat(size(parents).depth()).isEqualTo(14);
        assertThat(size("{ regions { code } __typename }").depth()).isEqualTo(2);
        assertThat(size("query A { regions { code } } query B { region(code: \"1\") { parent { parent { code } } } }").depth())
                .isEqualTo(4);
    }

    @Test
    void introspectionDoesNotCountTowardsTheDepthButItsFieldsDo() {
        String typeRef = "kind name " + "ofType { kind name ".repeat(9) + "}".repeat(9);
        String introspection = "{ __schema { types { fields { type { " + typeRef + " } } } } }";
        assertThat(size(introspection).depth()).isZero();
        assertThat(size(introspection).selections()).isEqualTo(4 + 2 + 9 * 3);
        assertThat(size("{ __type(name: \"School\") { name } regions { code } }").depth()).isEqualTo(2);
        // Only at the top of an operation: anywhere else it is not introspection (and validation refuses it).
        assertThat(size("{ regions { __schema { types { name } } } }").depth()).isEqualTo(4);
    }
}

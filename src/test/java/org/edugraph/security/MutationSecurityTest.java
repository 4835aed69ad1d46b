package org.edugraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import org.edugraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Security by construction: every field of the Mutation type, as the running schema has
 * it, is served by a handler that declares {@code @PreAuthorize(SecuredMutations.ADMIN)}.
 * A mutation added without it fails this test before it can answer anyone.
 */
class MutationSecurityTest extends IntegrationTest {

    @Autowired
    GraphQlSource source;

    @Test
    void everyMutationFieldDeclaresThatOnlyAdminsMayCallIt() {
        GraphQLSchema schema = source.schema();
        List<GraphQLFieldDefinition> fields = schema.getMutationType().getFieldDefinitions();
        assertThat(fields).extracting(GraphQLFieldDefinition::getName)
                .contains("addPairing", "endPairing", "removePairing", "createSchool", "updateSchool", "addGroupMember",
                        "importPairings", "importSchools", "addRegion");
        List<String> unsecured = new ArrayList<>();
        for (GraphQLFieldDefinition field : fields) {
            String rule = ruleOf(schema, "Mutation", field);
            if (!SecuredMutations.ADMIN.equals(rule)) {
                unsecured.add(field.getName() + " (" + rule + ")");
            }
        }
        assertThat(unsecured).as("Mutation fields without @PreAuthorize(SecuredMutations.ADMIN)").isEmpty();
    }

    /** The inspection itself can tell: a read, which is open, shows up as having no rule. */
    @Test
    void theInspectionSeesAFieldWithoutARule() {
        GraphQLSchema schema = source.schema();
        assertThat(ruleOf(schema, "Query", schema.getQueryType().getFieldDefinition("networkStats"))).isEqualTo("no rule");
    }

    /** What the handler of a field declares: its (or its class's) @PreAuthorize, or why there is none. */
    private static String ruleOf(GraphQLSchema schema, String type, GraphQLFieldDefinition field) {
        var fetcher = schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(type, field.getName()), field);
        if (!(fetcher instanceof SelfDescribingDataFetcher<?> described) || described.asMethod() == null) {
            return "no handler method";
        }
        Method method = described.asMethod();
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(method.getDeclaringClass(), PreAuthorize.class);
        }
        return rule == null ? "no rule" : rule.value();
    }
}

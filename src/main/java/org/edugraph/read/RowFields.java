package org.edugraph.read;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.stereotype.Component;

/**
 * Every field below a compiled read answers from its {@link Row}: the value the statement
 * returned under the field's result key. A field whose parent is not a row (an object a
 * mutation, an analytic or a subscription made) is answered as before, by its own fetcher.
 */
@Component
class RowFields implements GraphQlSourceBuilderCustomizer {

    @Override
    public void customize(org.springframework.graphql.execution.GraphQlSource.SchemaResourceBuilder builder) {
        builder.typeVisitors(java.util.List.of(new Visitor()));
    }

    private static final java.util.Set<String> ROOTS = java.util.Set.of("Query", "Mutation", "Subscription");

    private static final class Visitor extends GraphQLTypeVisitorStub {
        @Override
        public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
                TraverserContext<GraphQLSchemaElement> context) {
            // Root fields have no parent object; introspection types are graphql-java's own.
            if (context.getParentNode() instanceof GraphQLObjectType type && !type.getName().startsWith("__")
                    && !ROOTS.contains(type.getName())) {
                GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
                FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
                DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
                registry.dataFetcher(coordinates, (DataFetcher<Object>) env -> env.getSource() instanceof Row row
                        ? row.get(env.getField().getResultKey()) : fetcher.get(env));
            }
            return TraversalControl.CONTINUE;
        }
    }
}

package org.edugraph.read;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.LightDataFetcher;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.dataloader.DataLoader;
import org.edugraph.api.Ref;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * How every field of a read is answered: a field below a compiled read answers from its
 * {@link Row}, the value the statement returned under the field's result key; a field whose
 * fetcher answers with a {@link Ref} (a mutation's result, an analytic's school, a
 * subscription's mentor) is read by the compiler with what the request selects under it,
 * the refs of a level together ({@link RefLoader}). Any other value passes as it came.
 */
@Component
class RowFields implements GraphQlSourceBuilderCustomizer {

    private static final Set<String> ROOTS = Set.of("Query", "Mutation", "Subscription");

    @Override
    public void customize(org.springframework.graphql.execution.GraphQlSource.SchemaResourceBuilder builder) {
        builder.typeVisitors(List.of(new Visitor()));
    }

    private static final class Visitor extends GraphQLTypeVisitorStub {
        @Override
        public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
                TraverserContext<GraphQLSchemaElement> context) {
            if (context.getParentNode() instanceof GraphQLObjectType type && !type.getName().startsWith("__")) {
                GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
                FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
                DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
                DataFetcher<?> wrapped;
                if (ROOTS.contains(type.getName())) {
                    // A root has no row; its fetcher may answer with refs. Kept self-describing for the inspection
                    // that checks every mutation declares its rule (MutationSecurityTest).
                    wrapped = fetcher instanceof SelfDescribingDataFetcher<?> described ? new DescribedRefField(described)
                            : type.getName().equals("Subscription") ? fetcher : new RowField(fetcher);
                } else {
                    wrapped = fetcher instanceof TrivialDataFetcher<?> ? new LightRowField(fetcher) : new RowField(fetcher);
                }
                registry.dataFetcher(coordinates, wrapped);
            }
            return TraversalControl.CONTINUE;
        }
    }

    /** A value as GraphQL reads it: a ref read by the compiler (also once a future gives it), else as it is. */
    static Object resolve(Object value, DataFetchingEnvironment env) {
        if (value instanceof Mono<?> mono) {
            // An annotated handler whose arguments resolve late (the caller) answers with a Mono; it stays
            // one, so that Spring still gives it the request's context when it subscribes.
            return mono.flatMap(v -> {
                Object resolved = resolveNow(v, env);
                return resolved instanceof java.util.concurrent.CompletableFuture<?> f ? Mono.fromFuture(f)
                        : Mono.justOrEmpty(resolved);
            });
        }
        if (value instanceof java.util.concurrent.CompletableFuture<?> future) {
            return future.thenCompose(v -> {
                Object resolved = resolveNow(v, env);
                return resolved instanceof java.util.concurrent.CompletableFuture<?> f ? f.thenApply(x -> (Object) x)
                        : java.util.concurrent.CompletableFuture.completedFuture(resolved);
            });
        }
        return resolveNow(value, env);
    }

    private static Object resolveNow(Object value, DataFetchingEnvironment env) {
        if (value instanceof Ref.Known known) {
            Field field = Field.root(env);
            if (answers(known, field)) {
                return row(known, field);
            }
            value = known.ref();
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof Ref.Known) {
            Field field = Field.root(env);
            if (list.stream().allMatch(k -> answers((Ref.Known) k, field))) {
                return list.stream().map(k -> row((Ref.Known) k, field)).toList();
            }
            value = list.stream().map(k -> ((Ref.Known) k).ref()).toList();
        }
        if (value instanceof Ref ref) {
            return loader(env).load(new RefLoader.Request(ref, Field.root(env)));
        }
        if (value instanceof Ref.FieldOf of) {
            Field self = Field.root(env);
            Field parent = new Field("__of", "__of", Map.of(), List.of(self));
            boolean list = graphql.schema.GraphQLTypeUtil.unwrapNonNull(env.getFieldType()) instanceof GraphQLList;
            return loader(env).load(new RefLoader.Request(of.of(), parent))
                    .thenApply(row -> row == null ? (list ? List.of() : null) : row.get(self.resultKey()));
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof Ref) {
            Field field = Field.root(env);
            return loader(env).loadMany(list.stream().map(ref -> new RefLoader.Request((Ref) ref, field)).toList());
        }
        return value;
    }

    /**
     * Whether what the producer holds is all that {@code field} selects: each field selected is held,
     * and one that selects fields of its own (a school's region) is held as a {@link Ref.Known} (or
     * null: none) that holds those.
     */
    private static boolean answers(Ref.Known known, Field field) {
        for (Field selected : field.selection()) {
            if (!known.values().containsKey(selected.name())) {
                return false;
            }
            Object value = known.values().get(selected.name());
            boolean object = !selected.selection().isEmpty();
            if (object ? value != null && !(value instanceof Ref.Known nested && answers(nested, selected))
                    : value instanceof Ref.Known) {
                return false;
            }
        }
        return true;
    }

    private static Row row(Ref.Known known, Field field) {
        Map<String, Object> row = new java.util.HashMap<>();
        boolean aliased = false;
        for (Field selected : field.selection()) {
            Object value = known.values().get(selected.name());
            row.put(selected.resultKey(), value instanceof Ref.Known nested ? row(nested, selected) : value);
            aliased |= !selected.resultKey().equals(selected.name());
        }
        return new Row(row, aliased);
    }

    private static DataLoader<RefLoader.Request, Row> loader(DataFetchingEnvironment env) {
        return env.getDataLoader(RefLoader.NAME);
    }

    private static boolean isRef(Object value) {
        return value instanceof Mono<?> || value instanceof java.util.concurrent.CompletableFuture<?>
                || value instanceof Ref || value instanceof Ref.Known || value instanceof Ref.FieldOf
                || value instanceof List<?> list && !list.isEmpty()
                        && (list.getFirst() instanceof Ref || list.getFirst() instanceof Ref.Known);
    }

    /**
     * A field whose own fetcher reads a property: trivial, so that graphql-java and Spring add
     * nothing around it (no observation, no context), and light, so that a row's value is read
     * without making the environment unless a key of the row is an alias.
     */
    private record LightRowField(DataFetcher<?> fetcher) implements LightDataFetcher<Object> {
        @Override
        public Object get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment)
                throws Exception {
            if (source instanceof Row row) {
                return row.aliased() ? row.get(environment.get().getField().getResultKey()) : row.get(definition.getName());
            }
            Object value = fetcher instanceof LightDataFetcher<?> light ? light.get(definition, source, environment)
                    : fetcher.get(environment.get());
            return isRef(value) ? resolve(value, environment.get()) : value;
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return environment.getSource() instanceof Row row ? row.get(environment.getField().getResultKey())
                    : resolve(fetcher.get(environment), environment);
        }
    }

    /** A field with a fetcher of its own (a mapping, a computed value): its row's value when there is one. */
    private record RowField(DataFetcher<?> fetcher) implements DataFetcher<Object> {
        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return environment.getSource() instanceof Row row ? row.get(environment.getField().getResultKey())
                    : resolve(fetcher.get(environment), environment);
        }
    }

    /** A root field's annotated handler, its refs read, still describing itself as the handler. */
    private record DescribedRefField(SelfDescribingDataFetcher<?> fetcher) implements SelfDescribingDataFetcher<Object> {
        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return resolve(fetcher.get(environment), environment);
        }

        @Override
        public String getDescription() {
            return fetcher.getDescription();
        }

        @Override
        public ResolvableType getReturnType() {
            return fetcher.getReturnType();
        }

        @Override
        public Map<String, ResolvableType> getArguments() {
            return fetcher.getArguments();
        }

        @Override
        public Method asMethod() {
            return fetcher.asMethod();
        }

        @Override
        public boolean usesDataLoader() {
            return fetcher.usesDataLoader();
        }
    }
}

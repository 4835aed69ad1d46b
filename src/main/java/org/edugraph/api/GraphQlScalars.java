package org.edugraph.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/** The contract's scalars: calendar dates and instants, as ISO-8601 text; a bad value is the client's error. */
public final class GraphQlScalars {

    private GraphQlScalars() {
    }

    public static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
            .name("Date")
            .description("ISO-8601 calendar date, 2022-09-01")
            .coercing(new TextCoercing<LocalDate>("Date", "2022-09-01 (years 1900 to 2199)") {
                @Override
                LocalDate parse(String text) {
                    return org.edugraph.time.CalendarDates.parse(text);
                }

                @Override
                String format(Object value) {
                    return value instanceof LocalDate date ? date.toString() : null;
                }
            })
            .build();

    public static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("ISO-8601 instant, 2022-09-01T08:00:00Z")
            .coercing(new TextCoercing<OffsetDateTime>("DateTime", "2022-09-01T08:00:00Z") {
                @Override
                OffsetDateTime parse(String text) {
                    return OffsetDateTime.parse(text);
                }

                @Override
                String format(Object value) {
                    return switch (value) {
                        case OffsetDateTime t -> t.toInstant().toString();
                        case ZonedDateTime t -> t.toInstant().toString();
                        case Instant t -> t.toString();
                        default -> null;
                    };
                }
            })
            .build();

    /** A scalar written as an ISO-8601 string; a bad value is the client's error, with an example. */
    abstract static class TextCoercing<T> implements Coercing<T, String> {
        private final String name;
        private final String example;

        TextCoercing(String name, String example) {
            this.name = name;
            this.example = example;
        }

        abstract T parse(String text);

        abstract String format(Object value);

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            String text = format(value);
            if (text == null) {
                throw new CoercingSerializeException("Not a " + name);
            }
            return text;
        }

        @Override
        public T parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                try {
                    return parse(text);
                } catch (DateTimeParseException e) {
                    // fall through to the message below
                }
            }
            String got = input instanceof String text ? "'" + org.edugraph.imports.ImportErrors.cut(text) + "'" : "another type";
            throw new CoercingParseValueException("Expected a %s such as %s, got %s".formatted(name, example, got));
        }

        @Override
        public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                try {
                    return parse(text.getValue());
                } catch (DateTimeParseException e) {
                    // fall through to the message below
                }
            }
            throw new CoercingParseLiteralException("Expected a %s such as %s".formatted(name, example));
        }
    }
}

package io.pipelinesgateway.graphql;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The {@code DateTime} scalar: ISO-8601 with offset, as Bitbucket sends timestamps. */
@Configuration(proxyBeanMethods = false)
class DateTimeScalar {

    @Bean
    RuntimeWiringConfigurer dateTimeScalarWiring() {
        GraphQLScalarType dateTime = GraphQLScalarType.newScalar()
                .name("DateTime")
                .description("A point in time, as an ISO-8601 string with offset.")
                .coercing(new Coercing<OffsetDateTime, String>() {
                    @Override
                    public String serialize(Object value, GraphQLContext context, java.util.Locale locale) {
                        if (value instanceof OffsetDateTime time) {
                            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
                        }
                        throw new CoercingSerializeException("Not a DateTime: " + value.getClass().getSimpleName());
                    }

                    @Override
                    public OffsetDateTime parseValue(Object input, GraphQLContext context, java.util.Locale locale) {
                        try {
                            return OffsetDateTime.parse(String.valueOf(input));
                        }
                        catch (DateTimeParseException invalid) {
                            throw new CoercingParseValueException(
                                    "A DateTime is an ISO-8601 string with offset, e.g. 2026-01-31T09:00:00Z.");
                        }
                    }

                    @Override
                    public OffsetDateTime parseLiteral(Value<?> input, CoercedVariables variables,
                            GraphQLContext context, java.util.Locale locale) {
                        if (input instanceof StringValue text) {
                            try {
                                return OffsetDateTime.parse(text.getValue());
                            }
                            catch (DateTimeParseException invalid) {
                                // reported below
                            }
                        }
                        throw new CoercingParseLiteralException(
                                "A DateTime is an ISO-8601 string with offset, e.g. 2026-01-31T09:00:00Z.");
                    }
                })
                .build();
        return wiring -> wiring.scalar(dateTime);
    }
}

package io.pipelinesgateway.graphql;

import java.util.Map;
import java.util.function.Supplier;

import graphql.Scalars;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import graphql.schema.SingletonPropertyDataFetcher;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property read with a value costs no more than graphql-java's plain read: the check for values Bitbucket left out
 * looks at the field only when its value is missing, so the field's environment, which graphql-java spares plain
 * reads, is not built for the thousands of fields of an answer.
 */
class APlainPropertyReadBuildsNoFieldEnvironmentTest extends GatewayTest {

    @Autowired
    private UpstreamGaps gaps;

    @Test
    void aPropertyWithAValueIsReadWithoutBuildingTheEnvironmentOfItsField() throws Exception {
        Supplier<DataFetchingEnvironment> unbuilt = () -> {
            throw new AssertionError("the field's environment was built");
        };
        InstrumentationFieldFetchParameters parameters = new InstrumentationFieldFetchParameters(null, unbuilt, null,
                true);
        GraphQLFieldDefinition name = GraphQLFieldDefinition.newFieldDefinition().name("name")
                .type(Scalars.GraphQLString).build();

        LightDataFetcher<?> read = (LightDataFetcher<?>) gaps.instrumentDataFetcher(
                SingletonPropertyDataFetcher.singleton(), parameters, null);

        assertThat(read.get(name, Map.of("name", "build"), unbuilt)).isEqualTo("build");
    }
}

package io.pipelinesgateway.graphql;

import java.util.List;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.pipelinesgateway.graphql.FieldHooksOnlyWhereUsed.OperationHooksOnly;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fields of a query are instrumented only by the instrumentations that hook fields, while every instrumentation
 * still sees each operation, in the order Spring gives them.
 */
class FieldHooksOnlyWhereUsedTest extends GatewayTest {

    @Autowired
    private GraphQlSource graphQlSource;

    @Autowired
    private ObjectProvider<Instrumentation> instrumentations;

    @Test
    void theChainHoldsTheFieldInstrumentationsAndGroupsTheOperationOnesInTheirOrder() {
        List<Instrumentation> beans = instrumentations.orderedStream().toList();
        List<Instrumentation> members = ((ChainedInstrumentation) graphQlSource.graphQl().getInstrumentation())
                .getInstrumentations();

        assertThat(members).as("fewer members than instrumentations").hasSizeLessThan(beans.size());
        assertThat(members).filteredOn(member -> !(member instanceof OperationHooksOnly))
                .allMatch(FieldHooksOnlyWhereUsed::hooksFields)
                .anyMatch(member -> member instanceof UpstreamGaps);
        assertThat(members.stream().flatMap(member -> member instanceof OperationHooksOnly group
                ? group.instrumentations().stream() : java.util.stream.Stream.of(member)).toList())
                .as("every instrumentation, in Spring's order").containsExactlyElementsOf(beans);
        assertThat(beans).filteredOn(bean -> !FieldHooksOnlyWhereUsed.hooksFields(bean))
                .anyMatch(bean -> bean instanceof OperationFitsTheTransport);
    }
}

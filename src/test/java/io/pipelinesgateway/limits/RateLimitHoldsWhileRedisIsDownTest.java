package io.pipelinesgateway.limits;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway whose Redis does not answer neither refuses everyone nor lets everyone through: it counts each client's
 * operations in its own memory, so operations within the allowance run and the one past it is refused.
 */
class RateLimitHoldsWhileRedisIsDownTest extends RateLimitedGatewayTest {

    @DynamicPropertySource
    static void aRedisThatIsDown(DynamicPropertyRegistry registry) {
        // Nothing listens on port 1: every connection attempt is refused at once.
        registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:1");
    }

    @Test
    void operationsWithinTheAllowanceRunAndTheOnePastItIsRefused() {
        HttpGraphQlTester client = graphQl(newClient());

        for (int i = 0; i < 2; i++) {
            client.document(TYPENAME).execute().errors().verify()
                    .path("__typename").entity(String.class).isEqualTo("Query");
        }
        client.document(TYPENAME).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(code(error)).isEqualTo("RATE_LIMITED")));
    }
}

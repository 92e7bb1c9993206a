package io.pipelinesgateway.security;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** How the security tests read a refusal: one GraphQL error, its {@code extensions.code}, what its message says. */
final class Refusals {

    private Refusals() {
    }

    /** The response holds exactly one error, with {@code code}, whose message contains each of {@code sayings}. */
    static void assertRefused(GraphQlTester.Response response, String code, String... sayings) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getExtensions().get("code")).isEqualTo(code);
            for (String saying : sayings) {
                assertThat(error.getMessage()).contains(saying);
            }
        }));
    }
}

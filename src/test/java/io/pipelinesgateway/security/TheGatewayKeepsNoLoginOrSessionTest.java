package io.pipelinesgateway.security;

import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inbound security is stateless: Spring Security's generated user (whose password Boot would log) is never created,
 * no response sets a session cookie, and there is no login page.
 */
class TheGatewayKeepsNoLoginOrSessionTest extends GatewayTest {

    @Autowired
    ApplicationContext context;

    @Test
    void thereIsNoGeneratedUser() {
        assertThat(context.getBeanNamesForType(ReactiveUserDetailsService.class)).isEmpty();
    }

    @Test
    void noResponseSetsACookie() {
        given("workspace-acme.json");

        graphQl.document("{ workspace(slug: \"acme\") { slug } }").execute()
                .path("workspace.slug").entity(String.class).isEqualTo("acme");
        http(null, "/graphiql").get().exchange().expectHeader().doesNotExist("Set-Cookie");
        http(Fixtures.bearer(), "/login").get().exchange().expectStatus().isNotFound();
    }
}

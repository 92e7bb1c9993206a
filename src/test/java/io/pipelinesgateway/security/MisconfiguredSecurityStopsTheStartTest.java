package io.pipelinesgateway.security;

import java.util.stream.Stream;

import io.pipelinesgateway.PipelinesGatewayApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Security settings that cannot work stop the gateway at its start, with a message naming the setting, rather than
 * refuse every request later.
 */
class MisconfiguredSecurityStopsTheStartTest {

    static Stream<Arguments> misconfigurations() {
        return Stream.of(
                arguments(new String[] {"gateway.security.mode=service"},
                        "gateway.security.api-keys, or a JWT issuer"),
                arguments(new String[] {"gateway.security.mode=service", "gateway.security.api-keys[0].name=portal",
                        "gateway.security.api-keys[0].sha256=not-a-hash"}, "64 hex characters"),
                arguments(new String[] {"gateway.security.mode=service", "gateway.security.api-keys[0].name=portal",
                        "gateway.security.api-keys[0].sha256=" + ServiceModeTest.sha256("k"),
                        "gateway.security.api-keys[0].grants[0]=acme"}, "'<workspace>:read'"),
                arguments(new String[] {"gateway.workspaces[0].slug=acme", "gateway.workspaces[0].token=t",
                        "gateway.workspaces[0].username=u", "gateway.workspaces[0].api-token=a"}, "not both"));
    }

    @ParameterizedTest
    @MethodSource("misconfigurations")
    void theGatewayDoesNotStart(String[] properties, String message) {
        // As arguments: they override application.yml, as an operator's settings do.
        String[] arguments = Stream.concat(Stream.of("server.port=0", "spring.data.redis.url=",
                "spring.main.banner-mode=off"), Stream.of(properties)).map(property -> "--" + property)
                .toArray(String[]::new);
        assertThatThrownBy(() -> new SpringApplicationBuilder(PipelinesGatewayApplication.class).run(arguments).close())
                .hasStackTraceContaining(message);
    }
}

package io.pipelinesgateway.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Spring ignores a setting no properties record has, so a misnamed one in the bench would change nothing and the
 * bench would measure something other than what it says (its gateways sharing a Redis's entries, say): each
 * gateway the bench starts is checked first, and so are the bench's own arguments here, in the suite.
 */
class TheBenchSetsOnlySettingsTheGatewayHasTest {

    @Test
    void theBenchsOwnArgumentsNameSettingsOfTheGatewayAndItsSandbox() {
        assertThatCode(() -> BenchGateway.checkSettings(BenchGateway.arguments("--gateway.workspaces[0].slug=load-1",
                "--gateway.sandbox.load-workspaces=3", "--gateway.security.api-keys[0].grants[0]=*:read")))
                .doesNotThrowAnyException();
    }

    @Test
    void aSettingTheGatewayDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> BenchGateway.checkSettings(List.of("--gateway.cache.key-prefix=bench:")))
                .hasMessageContaining("gateway.cache.key-prefix");
    }

    @Test
    void aPortalLifetimeGivenInRealTimeIsCompressedLikeTheDefaults() {
        assertThat(PortalHour.compressedLifetimes(PortalHour.lifetimes("shared-access-window=30m")))
                .contains("--gateway.cache.shared-access-window=60000ms", "--gateway.cache.list=500ms")
                .noneMatch(argument -> argument.startsWith("--gateway.cache.shared-access-window=10000ms"));
    }

    @Test
    void thePortalsSandboxRunsItsPipelinesInCompressedTimeAtTheLoadSeedsCadence() {
        assertThat(PortalHour.compressedSandboxTime()).isEqualTo("--gateway.sandbox.step-seconds=3.0");
        assertThatCode(() -> BenchGateway.checkSettings(List.of(PortalHour.compressedSandboxTime())))
                .doesNotThrowAnyException();
        assertThat(PortalHour.runsPerHour(30)).isEqualTo(10);
    }

    @Test
    void aPortalLifetimeTheGatewayDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> PortalHour.lifetimes("list-ttl=1m")).hasMessageContaining("list-ttl=1m");
        assertThatThrownBy(() -> PortalHour.lifetimes("lock-timeout=1s")).hasMessageContaining("lock-timeout=1s");
    }
}

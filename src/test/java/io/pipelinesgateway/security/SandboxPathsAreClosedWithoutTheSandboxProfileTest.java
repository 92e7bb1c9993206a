package io.pipelinesgateway.security;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

/**
 * {@code /sandbox/**} is opened to callers without a credential only where the simulated Bitbucket runs, under the
 * {@code sandbox} profile. Elsewhere it is a path like any other: a request without a credential is refused before
 * any handler is looked for, so a production gateway answers it as it answers every unknown caller.
 */
class SandboxPathsAreClosedWithoutTheSandboxProfileTest extends GatewayTest {

    @Test
    void aRequestForTheSandboxWithoutACredentialIsRefusedWith401() {
        http(null, "/sandbox/2.0/user").get().exchange().expectStatus().isUnauthorized();
        http(null, "/sandbox/2.0/workspaces").get().exchange().expectStatus().isUnauthorized();
    }
}

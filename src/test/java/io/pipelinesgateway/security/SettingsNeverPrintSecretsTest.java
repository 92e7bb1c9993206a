package io.pipelinesgateway.security;

import java.util.List;
import java.util.Map;

import io.pipelinesgateway.bitbucket.Credential;
import io.pipelinesgateway.security.WorkspaceProperties.ConfiguredWorkspace;
import io.pipelinesgateway.support.TestSecrets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What holds a credential, a key's hash or a token prints none of them, so no log line or error can show them. */
class SettingsNeverPrintSecretsTest {

    @Test
    void aConfiguredWorkspacePrintsWhichKindOfCredentialItHasButNotTheCredential() {
        assertThat(new ConfiguredWorkspace("acme", TestSecrets.SETTINGS_TOKEN, null, null).toString())
                .contains("acme").contains("token").doesNotContain(TestSecrets.SETTINGS_TOKEN);
        assertThat(new ConfiguredWorkspace("beta", null, "robot@beta.example", "ATATT3xsecret").toString())
                .doesNotContain("ATATT3xsecret");
    }

    @Test
    void anApiKeyPrintsItsNameAndGrantsButNotItsHash() {
        String hash = ServiceModeTest.sha256("pgk_secret");
        assertThat(new InboundSecurityProperties.ApiKey("portal", hash, List.of("acme:read")).toString())
                .contains("portal").contains("acme:read").doesNotContain(hash);
    }

    @Test
    void aCallerPrintsNoCredential() {
        assertThat(new Caller.Bitbucket(Credential.bearer(TestSecrets.SETTINGS_TOKEN)).toString())
                .doesNotContain(TestSecrets.SETTINGS_TOKEN);
        assertThat(new Caller.Service("portal", Caller.Source.API_KEY,
                new Grants(Map.of("acme", Grants.Access.READ))).toString()).doesNotContain("pgk_");
    }
}

package io.pipelinesgateway.support;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Every secret value the test suite sends through the gateway, in one place: the tests refer to these constants, and
 * {@code LogsHoldNoSecretIT} looks for each of them in the logs of the whole test run. A new secret is one more
 * constant here (a value distinctive enough not to occur in a log by chance).
 */
public final class TestSecrets {

    /** A workspace access token as Bitbucket issues them; the credential most tests send. */
    public static final String BEARER_TOKEN = "ATCTT3xFfGN0d8Xq2mNbE6wYzLk5PqR7sT9uV1wX3yZ5aB7cD9eF1gH3iJ5kL7mN9oP=4A6B8C0D";
    /** The API token of {@link Fixtures#basic()}, sent as {@code Basic base64(email:api_token)}. */
    public static final String API_TOKEN = "ATATT3xFfGF0T9bQ8vW7xY6zA5bC4dE3fG2hI1jK0lM=9F8E7D6C";
    /** Two callers' tokens that must never be mixed up. */
    public static final String ALICE_TOKEN = "alice-token-0f3b";
    public static final String BOB_TOKEN = "bob-token-9c1d";
    /** Credentials the sandbox accepts as its user. */
    public static final String SANDBOX_FLOW_TOKEN = "sandbox-flow-token";
    public static final String SANDBOX_WORKSPACE_TOKEN = "ATCTT3xFfGN0-some-workspace-token";
    public static final String SANDBOX_API_TOKEN = "ATATT3xFfGF0-api-token";

    /** API keys of service mode (the gateway is configured with their SHA-256 only), and one it does not know. */
    public static final String PORTAL_API_KEY = "pgk_portal_Vb1kWq93xPz7LmT4";
    public static final String RELEASE_API_KEY = "pgk_release_Hn5sR2cYe8UoQ0jD";
    public static final String OPS_API_KEY = "pgk_ops_Zt6gM1aKf4NwX9bE";
    public static final String UNKNOWN_API_KEY = "pgk_wrong_c41f9e";
    /** Service credentials of configured workspaces: an access token, an API token. */
    public static final String ACME_WORKSPACE_TOKEN = "ATCTT3xacme-workspace-token-5bd1";
    public static final String BETA_WORKSPACE_API_TOKEN = "ATATT3xbeta-api-token-77e2";
    public static final String SETTINGS_TOKEN = "ATCTT3xsecret-token";

    /** Webhook secrets the gateway is configured with. */
    public static final String WEBHOOK_SECRET = "webhook-refresh-secret";
    public static final String LIVE_SANDBOX_WEBHOOK_SECRET = "live-sandbox-webhook-secret";
    /** The sandbox profile's demo secret, which its own deliveries are signed with. */
    public static final String SANDBOX_DEMO_WEBHOOK_SECRET = "sandbox-demo-webhook-secret";

    /** Values of secured variables, at every level and in a run. */
    public static final String RUN_SECRET = "run-secret-5d1c8b7e";
    public static final String SANDBOX_RUN_SECRET = "run-secret-4711";
    public static final String REPOSITORY_SECRET = "repository-secret-93af02c4";
    public static final String CHANGED_SECRET = "changed-secret-0be47a19";
    public static final String WORKSPACE_SECRET = "workspace-secret-6c2e9d35";
    public static final String DEPLOYMENT_SECRET = "deployment-secret-a8f31b60";
    public static final String ACCESS_LOG_SECRET = "variable-value-5e1a";

    /** The bodies of SSH private keys (see {@link #privateKey(String)}). */
    public static final String PRIVATE_KEY_BODY = "private-key-body-4e7f1a2b9c";
    public static final String SSH_PRIVATE_KEY_BODY = "b3BlbnNzaC1rZXktdjEAAAAA";

    private TestSecrets() {
    }

    /** What {@code printf %s "$KEY" | sha256sum} prints: how service mode's configuration holds an API key. */
    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A secret as the check of the logs reports it: the constant's name and its value. */
    public record Secret(String name, String value) {
    }

    /** An OpenSSH private key block around {@code body}. */
    public static String privateKey(String body) {
        return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + body + "\n-----END OPENSSH PRIVATE KEY-----\n";
    }

    /** Every constant above, and the encoded form of the Basic credential, which is as secret as its token. */
    public static List<Secret> all() {
        List<Secret> secrets = new ArrayList<>();
        for (Field field : TestSecrets.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == String.class) {
                try {
                    secrets.add(new Secret(field.getName(), (String) field.get(null)));
                }
                catch (IllegalAccessException unreachable) {
                    throw new IllegalStateException(unreachable);
                }
            }
        }
        secrets.add(new Secret("API_TOKEN as Basic", Base64.getEncoder().encodeToString(
                (Fixtures.BASIC_USER + ":" + API_TOKEN).getBytes(StandardCharsets.UTF_8))));
        return secrets;
    }
}

package io.pipelinesgateway.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bitbucket webhooks into the gateway.
 *
 * @param secret the secret set on the Bitbucket webhook, which signs each delivery ({@code X-Hub-Signature}); empty
 *               (the default) refuses every delivery, since an unsigned one could come from anyone
 */
@ConfigurationProperties("gateway.webhooks")
public record WebhookProperties(@DefaultValue("") String secret) {

    @Override
    public String toString() {
        return "WebhookProperties[secret=" + (secret.isEmpty() ? "unset" : "redacted") + "]";
    }
}

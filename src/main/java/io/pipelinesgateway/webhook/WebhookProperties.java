package io.pipelinesgateway.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bitbucket webhooks into the gateway.
 *
 * @param secret the secret set on the Bitbucket webhook, which signs each delivery ({@code X-Hub-Signature}); empty
 *               (the default) refuses every delivery, since an unsigned one could come from anyone
 * @param replayWindow how long a delivery's {@code X-Request-UUID} is remembered, so that sending it again within
 *                     that time is refused (the signature covers only the body, so it cannot tell a replay)
 * @param seenWindow   how long after a verified delivery a repository counts as covered by webhooks, its pipelines
 *                     listing then cached for {@code gateway.cache.list-with-webhooks} instead of
 *                     {@code gateway.cache.list}: deliveries evict it when it changes
 * @param workspaces   workspaces whose webhook is installed on the workspace, so that it delivers for every one of its
 *                     repositories: while any of them had a verified delivery within {@code seen-window}, all of them
 *                     count as covered, the quiet ones too (a repository's own webhook covers only that repository)
 */
@ConfigurationProperties("gateway.webhooks")
public record WebhookProperties(@DefaultValue("") String secret, @DefaultValue("1h") Duration replayWindow,
        @DefaultValue("24h") Duration seenWindow, @DefaultValue("") List<String> workspaces) {

    @Override
    public String toString() {
        return "WebhookProperties[secret=" + (secret.isEmpty() ? "unset" : "redacted") + ", replayWindow="
                + replayWindow + ", seenWindow=" + seenWindow + ", workspaces=" + workspaces + "]";
    }
}

package io.pipelinesgateway.workspace;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The workspaces an operator points the gateway at ({@code gateway.workspaces[N].slug}). When set, they are what
 * {@code workspaces} lists; when empty, it lists the caller's own memberships.
 */
@ConfigurationProperties("gateway")
public record WorkspaceProperties(List<ConfiguredWorkspace> workspaces) {

    public WorkspaceProperties {
        workspaces = workspaces == null ? List.of() : List.copyOf(workspaces);
    }

    /** One configured workspace. */
    public record ConfiguredWorkspace(String slug) {
    }
}

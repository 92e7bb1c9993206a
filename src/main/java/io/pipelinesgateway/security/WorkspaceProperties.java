package io.pipelinesgateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The workspaces an operator points the gateway at ({@code gateway.workspaces[N].slug}). When set, they are what
 * {@code workspaces} lists; when empty, it lists the caller's own memberships. In service mode each also holds the
 * credential the gateway calls Bitbucket with for it: {@code .token} (an access token, sent as Bearer) or
 * {@code .username} and {@code .api-token} (sent as Basic).
 *
 * @param workspaces the workspaces, each with its {@code slug} and, in service mode, its {@code token} or its
 *                   {@code username} and {@code api-token}
 */
@ConfigurationProperties("gateway")
public record WorkspaceProperties(List<ConfiguredWorkspace> workspaces) {

    public WorkspaceProperties {
        workspaces = workspaces == null ? List.of() : List.copyOf(workspaces);
    }

    /**
     * One configured workspace, and its service credential if it has one; {@link #toString()} never shows the
     * token or API token.
     */
    public record ConfiguredWorkspace(String slug, String token, String username, String apiToken) {

        public ConfiguredWorkspace {
            if (slug == null || slug.isBlank()) {
                throw new IllegalArgumentException("Each gateway.workspaces entry needs a 'slug'.");
            }
            token = blankToNull(token);
            username = blankToNull(username);
            apiToken = blankToNull(apiToken);
            if (token != null && (username != null || apiToken != null)) {
                throw new IllegalArgumentException("gateway.workspaces entry '" + slug + "': set either 'token' "
                        + "(sent as Bearer) or 'username' and 'api-token' (sent as Basic), not both.");
            }
            if ((username == null) != (apiToken == null)) {
                throw new IllegalArgumentException("gateway.workspaces entry '" + slug + "': 'username' and "
                        + "'api-token' go together.");
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }

        @Override
        public String toString() {
            return "ConfiguredWorkspace[slug=" + slug + ", credential="
                    + (token != null ? "token" : username != null ? "username and api-token" : "none") + "]";
        }
    }
}

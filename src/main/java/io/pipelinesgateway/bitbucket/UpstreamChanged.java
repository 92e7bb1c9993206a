package io.pipelinesgateway.bitbucket;

import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriUtils;

/**
 * A change the gateway made through Bitbucket's API succeeded (a run, a stop, a variable): published as a Spring
 * application event, so that what watches that part of Bitbucket (the status watcher) can look again at once
 * instead of at its next poll, without the client knowing who listens.
 *
 * @param resource   what was changed
 * @param workspace  the workspace of the repository whose pipelines changed (a run, a stop), or null
 * @param repository the slug of that repository, or null when the change was not to a repository's pipelines
 */
public record UpstreamChanged(UpstreamResource resource, String workspace, String repository) {

    static UpstreamChanged of(UpstreamRequest request) {
        String[] segments = request.path().split("/");
        boolean pipelines = segments.length > 4 && segments[1].equals("repositories")
                && segments[4].equals("pipelines");
        return pipelines
                ? new UpstreamChanged(request.resource(), UriUtils.decode(segments[2], StandardCharsets.UTF_8),
                        UriUtils.decode(segments[3], StandardCharsets.UTF_8))
                : new UpstreamChanged(request.resource(), null, null);
    }

    /** Whether the change was to a repository's pipelines: one ran, or was stopped. */
    public boolean changedPipelines() {
        return repository != null;
    }
}

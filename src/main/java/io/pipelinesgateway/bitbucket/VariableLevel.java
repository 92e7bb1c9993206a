package io.pipelinesgateway.bitbucket;

import java.util.ArrayList;
import java.util.List;

/**
 * The levels Pipelines variables are defined at. Bitbucket serves the same variable operations under five path
 * prefixes; each level holds its path around its coordinates, as Bitbucket's spec writes it, and whether the spec
 * has a read of one variable there ("Get a variable"): every level but the deployment environments has one.
 */
public enum VariableLevel {
    WORKSPACE(UpstreamResource.WORKSPACE_VARIABLES, UpstreamResource.WORKSPACE_VARIABLE, false, true,
            "workspaces", null, "pipelines-config", "variables"),
    REPOSITORY(UpstreamResource.REPOSITORY_VARIABLES, UpstreamResource.REPOSITORY_VARIABLE, true, true,
            "repositories", null, null, "pipelines_config", "variables"),
    DEPLOYMENT_ENVIRONMENT(UpstreamResource.DEPLOYMENT_VARIABLES, UpstreamResource.DEPLOYMENT_VARIABLE, false, false,
            "repositories", null, null, "deployments_config", "environments", null, "variables"),
    /** Deprecated by Bitbucket in favour of workspaces. */
    TEAM(UpstreamResource.TEAM_VARIABLES, UpstreamResource.TEAM_VARIABLE, true, true,
            "teams", null, "pipelines_config", "variables"),
    /** Deprecated by Bitbucket in favour of workspaces. */
    USER(UpstreamResource.USER_VARIABLES, UpstreamResource.USER_VARIABLE, true, true,
            "users", null, "pipelines_config", "variables");

    private final UpstreamResource listing;
    private final UpstreamResource item;
    private final boolean listWithTrailingSlash;
    private final boolean readsOne;
    private final String[] template;

    /** A null element of the template is where the next coordinate goes. */
    VariableLevel(UpstreamResource listing, UpstreamResource item, boolean listWithTrailingSlash, boolean readsOne,
            String... template) {
        this.listing = listing;
        this.item = item;
        this.listWithTrailingSlash = listWithTrailingSlash;
        this.readsOne = readsOne;
        this.template = template;
    }

    /** How many coordinates locate the level (a workspace; a workspace and a repository; ...). */
    public int coordinateCount() {
        int count = 0;
        for (String segment : template) {
            count += segment == null ? 1 : 0;
        }
        return count;
    }

    /** Whether Bitbucket reads one variable of this level by its UUID, without the listing. */
    public boolean readsOne() {
        return readsOne;
    }

    /** The listing of the level's variables at {@code coordinates}, where new ones are also created. */
    UpstreamRequest list(List<String> coordinates) {
        return request(listing, coordinates, listWithTrailingSlash ? "" : null);
    }

    /** One variable of the level, to read (where {@link #readsOne()}), change or delete. */
    UpstreamRequest item(List<String> coordinates, String uuid) {
        return request(item, coordinates, uuid);
    }

    private UpstreamRequest request(UpstreamResource resource, List<String> coordinates, String last) {
        List<String> segments = new ArrayList<>();
        int next = 0;
        for (String segment : template) {
            segments.add(segment == null ? coordinates.get(next++) : segment);
        }
        if (last != null) {
            segments.add(last);
        }
        return UpstreamRequest.of(resource, segments.toArray(String[]::new));
    }
}

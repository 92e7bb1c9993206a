package io.pipelinesgateway.pipeline;

import java.util.List;

import io.pipelinesgateway.graphql.PageRequest;

/**
 * One page of a repository's pipelines as a query asks for it; a DataLoader key, so the same page asked twice in a
 * query is read once.
 */
public record PipelineListRequest(String workspace, String repository, List<PipelineStatus> statuses, String branch,
        boolean newestFirst, PageRequest page) {

    public PipelineListRequest {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        branch = branch == null || branch.isBlank() ? null : branch;
    }
}

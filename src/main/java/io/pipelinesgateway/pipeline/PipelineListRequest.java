package io.pipelinesgateway.pipeline;

import java.util.List;

/**
 * One page of a repository's pipelines as a query asks for it: {@code first} of them after the cursor {@code after};
 * a DataLoader key, so the same page asked twice in a query is read once.
 */
public record PipelineListRequest(String workspace, String repository, List<PipelineStatus> statuses, String branch,
        boolean newestFirst, int first, PipelineCursor after) {

    public PipelineListRequest {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        branch = branch == null || branch.isBlank() ? null : branch;
    }
}

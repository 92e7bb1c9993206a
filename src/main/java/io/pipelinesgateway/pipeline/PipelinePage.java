package io.pipelinesgateway.pipeline;

import java.util.List;

/** One page of a repository's pipelines as the gateway reads them in order, and whether it is the last. */
public record PipelinePage(List<Pipeline> pipelines, boolean last) {

    public PipelinePage {
        pipelines = List.copyOf(pipelines);
    }
}

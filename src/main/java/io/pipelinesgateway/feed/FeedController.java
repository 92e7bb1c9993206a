package io.pipelinesgateway.feed;

import java.util.List;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.pipeline.Pipeline;
import io.pipelinesgateway.pipeline.PipelineKey;
import io.pipelinesgateway.pipeline.PipelinePosition;
import io.pipelinesgateway.repository.Repository;
import io.pipelinesgateway.repository.RepositoryKey;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Maps {@code Query.pipelines}, the feed across repositories and workspaces. */
@Controller
class FeedController {

    private final FeedService feed;

    FeedController(FeedService feed) {
        this.feed = feed;
    }

    @QueryMapping
    Mono<DataFetcherResult<Connection<Pipeline>>> pipelines(@Argument PipelineFilter filter, @Argument Integer first,
            @Argument String after, DataLoader<PipelineKey, Pipeline> pipelineLoader,
            DataLoader<RepositoryKey, Repository> repositoryLoader, DataFetchingEnvironment environment) {
        int size = PageRequest.of(first, null).first();
        PipelinePosition position = FeedCursor.decode(after);
        return feed.newest(filter == null ? PipelineFilter.none() : filter, position, size).map(slice -> {
            // A later field of the same query that names one of these pipelines, or a pipeline's repository (read
            // whole in the repository listing), then costs no upstream call.
            slice.pipelines().forEach(pipeline -> pipelineLoader.prime(pipeline.key(), pipeline));
            slice.scope().forEach(repository -> repositoryLoader.prime(repository.key(), repository));
            List<Connection.Edge<Pipeline>> edges = slice.pipelines().stream()
                    .map(pipeline -> new Connection.Edge<>(FeedCursor.encode(PipelinePosition.of(pipeline)), pipeline))
                    .toList();
            String start = edges.isEmpty() ? null : edges.get(0).cursor();
            String end = edges.isEmpty() ? after : edges.get(edges.size() - 1).cursor();
            // The total would need every page of every repository, which is what the feed avoids.
            Connection<Pipeline> connection = new Connection<>(edges,
                    new Connection.PageInfo(slice.hasMore(), position != null, start, end), null);
            return DataFetcherResult.<Connection<Pipeline>>newResult().data(connection)
                    .errors(slice.errors(environment)).build();
        });
    }
}

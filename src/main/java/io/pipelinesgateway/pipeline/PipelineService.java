package io.pipelinesgateway.pipeline;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import io.pipelinesgateway.bitbucket.BitbucketAddresses;
import io.pipelinesgateway.bitbucket.BitbucketPipeline;
import io.pipelinesgateway.bitbucket.BitbucketProperties;
import io.pipelinesgateway.bitbucket.Listing;
import io.pipelinesgateway.bitbucket.PipelineEndpoints;
import io.pipelinesgateway.bitbucket.Read;
import io.pipelinesgateway.bitbucket.Resumption;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.Loaders;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Reads pipelines: one by UUID or build number (the DataLoader of {@link Pipeline}), and a repository's list (the
 * DataLoader of {@link PipelineListing}), newest first, with Bitbucket's status filter and the gateway's branch filter.
 */
@Service
public class PipelineService {

    private final PipelineEndpoints bitbucket;
    private final BitbucketAddresses addresses;

    PipelineService(PipelineEndpoints bitbucket, BitbucketAddresses addresses, Loaders loaders) {
        this.bitbucket = bitbucket;
        this.addresses = addresses;
        loaders.register(PipelineKey.class, Pipeline.class, this::pipeline);
        loaders.register(PipelineListRequest.class, PipelineListing.class, request -> pipelines(request)
                .map(PipelineListing::new));
    }

    Mono<Pipeline> pipeline(PipelineKey key) {
        return bitbucket.pipeline(key.workspace(), key.repository(), key.id(), Read.CACHED)
                .map(pipeline -> Pipeline.from(key, pipeline, addresses.webUrl()));
    }

    Mono<Connection<Pipeline>> pipelines(PipelineListRequest request) {
        Listing<BitbucketPipeline> upstream = listing(request.workspace(), request.repository(), request.statuses(),
                request.newestFirst());
        boolean exactUpstream = request.branch() == null
                && (request.statuses().isEmpty() || request.statuses().stream().allMatch(
                        PipelineStatus::upstreamFilterIsExact));
        return upstream.window(resumption(request), request.first(), keep(request), !exactUpstream)
                .map(window -> Connection.of(window, request.after().offset(),
                        pipeline -> Pipeline.from(request.workspace(), request.repository(), pipeline,
                                addresses.webUrl()),
                        (offset, after) -> new PipelineCursor(offset, window.listed(), PipelinePosition.of(after))
                                .encode()));
    }

    /**
     * Where a page resumes: after the cursor's pipeline, in the listing's order, hinted at the offset it had; a
     * cursor of an offset alone, at that offset.
     */
    private static Resumption<BitbucketPipeline> resumption(PipelineListRequest request) {
        PipelineCursor cursor = request.after();
        if (cursor.after() == null) {
            return Resumption.at(cursor.offset());
        }
        Comparator<PipelinePosition> order = request.newestFirst() ? PipelinePosition.NEWEST_FIRST
                : PipelinePosition.NEWEST_FIRST.reversed();
        return new Resumption<>(cursor.offset(),
                pipeline -> order.compare(cursor.after(), PipelinePosition.of(pipeline)) < 0, cursor.listed());
    }

    /**
     * One page of a repository's pipelines, newest first, with Bitbucket's status filter, in pages of the largest
     * size: the cross-repository feed and the insights read a repository's history this way, and share the cached
     * pages with {@code Repository.pipelines}. A status Bitbucket cannot filter exactly (RUNNING) is left to the
     * caller.
     */
    public Mono<PipelinePage> newestFirst(String workspace, String repository, List<PipelineStatus> statuses,
            int pageNumber) {
        return listing(workspace, repository, statuses, true).page(pageNumber, BitbucketProperties.MAX_PAGE_LENGTH)
                .map(page -> new PipelinePage(page.values().stream()
                        .map(pipeline -> Pipeline.from(workspace, repository, pipeline, addresses.webUrl()))
                        .toList(), page.isLast(pageNumber, page.pagelen())));
    }

    private Listing<BitbucketPipeline> listing(String workspace, String repository, List<PipelineStatus> statuses,
            boolean newestFirst) {
        boolean sendStatuses = !statuses.isEmpty() && !statuses.contains(PipelineStatus.UNKNOWN);
        return bitbucket.pipelines(workspace, repository, newestFirst, sendStatuses
                ? statuses.stream().map(PipelineStatus::upstreamFilter).distinct().toList() : List.of());
    }

    private static Predicate<BitbucketPipeline> keep(PipelineListRequest request) {
        List<PipelineStatus> statuses = request.statuses();
        return pipeline -> {
            if (!statuses.isEmpty() && !statuses.contains(PipelineState.from(pipeline.state()).status())) {
                return false;
            }
            if (request.branch() != null) {
                PipelineTarget target = PipelineTarget.from(pipeline.target());
                return target != null && Objects.equals(request.branch(), target.branch());
            }
            return true;
        };
    }
}

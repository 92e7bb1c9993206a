package io.pipelinesgateway.feed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.pipelinesgateway.bitbucket.BitbucketProperties;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.pipeline.Pipeline;
import io.pipelinesgateway.pipeline.PipelinePage;
import io.pipelinesgateway.pipeline.PipelinePosition;
import io.pipelinesgateway.pipeline.PipelineService;
import io.pipelinesgateway.repository.Repository;
import io.pipelinesgateway.repository.RepositoryService;
import io.pipelinesgateway.workspace.WorkspaceService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Pipelines across repositories and workspaces, newest first: Bitbucket lists them per repository only, so this
 * merges every selected repository's newest-first listing (a k-way merge) and reads each one lazily.
 * <p>
 * Upstream reads are bounded: one repository listing per workspace (per 100 repositories), then a repository's
 * page {@code n+1} is read only once every pipeline of its pages {@code 1..n} has been taken, skipped (newer than
 * the cursor or {@code createdBefore}) or filtered out, and never once a page reached {@code createdAfter}; a
 * repository is read at most {@code gateway.bitbucket.max-pages} pages deep. Pages of one round are read in
 * parallel, all at once (bounded where calls are sent: {@code gateway.bitbucket.max-in-flight}), and through the
 * client's response cache.
 * <p>
 * A repository whose pipelines cannot be read (404: deleted since it was listed; 403: no longer readable) drops out
 * of the merge and is named in the slice, so the other repositories still answer.
 */
@Service
public class FeedService {

    /** What a repository answers when it is gone or no longer readable, rather than when Bitbucket fails. */
    private static final Set<ErrorCode> UNREADABLE = EnumSet.of(ErrorCode.NOT_FOUND, ErrorCode.FORBIDDEN);

    private final WorkspaceService workspaces;
    private final RepositoryService repositories;
    private final PipelineService pipelines;
    private final BitbucketProperties bitbucket;

    FeedService(WorkspaceService workspaces, RepositoryService repositories, PipelineService pipelines,
            BitbucketProperties bitbucket) {
        this.workspaces = workspaces;
        this.repositories = repositories;
        this.pipelines = pipelines;
        this.bitbucket = bitbucket;
    }

    /** The newest {@code limit} pipelines the filter selects, and whether more follow. */
    public Mono<FeedSlice> newest(PipelineFilter filter, int limit) {
        return newest(filter, null, limit);
    }

    /** The {@code limit} pipelines that follow {@code after} (null: from the newest) in the feed's order. */
    Mono<FeedSlice> newest(PipelineFilter filter, PipelinePosition after, int limit) {
        return scope(filter).flatMap(scope -> {
            List<Source> sources = scope.selected().stream()
                    .map(repository -> new Source(repository, filter, after)).toList();
            return merge(scope, sources, new ArrayList<>(), limit);
        });
    }

    /**
     * The repositories the filter selects, of the workspaces it names (else the caller's), and what it names that is
     * left out: a workspace Bitbucket would not list (403, 404), a repository none of the listed workspaces holds.
     */
    private Mono<Scope> scope(PipelineFilter filter) {
        Mono<List<String>> slugs = filter.workspaces().isEmpty() ? workspaces.slugs()
                : Mono.just(filter.workspaces());
        return slugs.flatMapMany(Flux::fromIterable)
                .flatMapSequential(slug -> repositories.all(slug)
                        .map(listed -> new Listed(slug, listed, null))
                        .onErrorResume(GatewayException.class, failure -> UNREADABLE.contains(failure.code())
                                ? Mono.just(new Listed(slug, List.of(), failure)) : Mono.error(failure)),
                        BitbucketProperties.FAN_OUT)
                .collectList()
                .map(listings -> {
                    List<Repository> listed = listings.stream().flatMap(listing -> listing.repositories().stream())
                            .toList();
                    List<FeedSlice.Left> left = new ArrayList<>();
                    Set<String> unlisted = new HashSet<>();
                    listings.stream().filter(listing -> listing.failure() != null).forEach(listing -> {
                        unlisted.add(listing.workspace());
                        left.add(new FeedSlice.Left(listing.workspace(), null, listing.failure()));
                    });
                    for (String named : filter.repositories()) {
                        boolean found = listed.stream().anyMatch(repository -> PipelineFilter.names(named,
                                repository));
                        int slash = named.indexOf('/');
                        if (!found && !(slash > 0 && unlisted.contains(named.substring(0, slash)))) {
                            left.add(new FeedSlice.Left(null, named, null));
                        }
                    }
                    return new Scope(listed.stream().filter(filter::selects).toList(), left);
                });
    }

    /** A workspace's repositories, or why they could not be listed. */
    private record Listed(String workspace, List<Repository> repositories, GatewayException failure) {
    }

    /** The repositories a filter selects, and what it names that is left out of the answer. */
    private record Scope(List<Repository> selected, List<FeedSlice.Left> left) {
    }

    /**
     * Takes pipelines in order until {@code limit} are taken and one more is known (it proves {@code hasMore}).
     * Before each take, every repository that may still hold pipelines must show its next one, so repositories whose
     * buffer ran dry are read first, all of them in one parallel round.
     */
    private Mono<FeedSlice> merge(Scope scope, List<Source> sources, List<Pipeline> taken, int limit) {
        while (true) {
            boolean truncated = sources.stream().anyMatch(source -> source.truncated);
            if (taken.size() == limit && sources.stream().anyMatch(source -> !source.buffer.isEmpty())) {
                // Any pipeline left proves there is more; which one comes next can wait for the next page.
                return Mono.just(new FeedSlice(scope.selected(), taken, true, truncated, unreadable(sources),
                        scope.left()));
            }
            List<Source> dry = sources.stream().filter(Source::needsPage).toList();
            if (!dry.isEmpty()) {
                return Flux.fromIterable(dry)
                        .flatMap(source -> pipelines.newestFirst(source.repository.workspaceSlug(),
                                        source.repository.slug(), source.filter.statuses(), source.pagesRead + 1)
                                .map(page -> new Read(source, page, null))
                                .onErrorResume(GatewayException.class, failure -> UNREADABLE.contains(failure.code())
                                        ? Mono.just(new Read(source, null, failure)) : Mono.error(failure)),
                                BitbucketProperties.FAN_OUT)
                        .collectList()
                        // The pages are applied here, one after another, never from the parallel reads themselves.
                        .flatMap(reads -> {
                            reads.forEach(read -> read.source.accept(read, bitbucket.maxPages()));
                            return merge(scope, sources, taken, limit);
                        });
            }
            Source newest = sources.stream().filter(source -> !source.buffer.isEmpty())
                    .min(Comparator.comparing(source -> PipelinePosition.of(source.buffer.peekFirst()),
                            PipelinePosition.NEWEST_FIRST))
                    .orElse(null);
            if (newest == null) {
                return Mono.just(new FeedSlice(scope.selected(), taken, false, truncated, unreadable(sources),
                        scope.left()));
            }
            taken.add(newest.buffer.removeFirst());
        }
    }

    private static List<FeedSlice.Unreadable> unreadable(List<Source> sources) {
        return sources.stream().filter(source -> source.failure != null)
                .map(source -> new FeedSlice.Unreadable(source.repository, source.failure)).toList();
    }

    /** A page read, or why it could not be. */
    private record Read(Source source, PipelinePage page, GatewayException failure) {
    }

    /** One repository's newest-first listing as the merge reads it: pages read so far, and what is left of them. */
    private static final class Source {

        final Repository repository;
        final PipelineFilter filter;
        final PipelinePosition after;
        final Deque<Pipeline> buffer = new ArrayDeque<>();
        int pagesRead;
        boolean ended;
        boolean truncated;
        GatewayException failure;

        Source(Repository repository, PipelineFilter filter, PipelinePosition after) {
            this.repository = repository;
            this.filter = filter;
            this.after = after;
        }

        boolean needsPage() {
            return buffer.isEmpty() && !ended;
        }

        void accept(Read read, int maxPages) {
            if (read.failure() != null) {
                // What its earlier pages gave stays: those pipelines were readable.
                failure = read.failure();
                ended = true;
                return;
            }
            PipelinePage page = read.page();
            pagesRead++;
            // Bitbucket sorts by creation time only; ties are put in the feed's order so a cursor can resume them.
            List<Pipeline> ordered = page.pipelines().stream()
                    .sorted(Comparator.comparing(PipelinePosition::of, PipelinePosition.NEWEST_FIRST)).toList();
            for (Pipeline pipeline : ordered) {
                if (filter.isBefore(pipeline)) {
                    // Newest first: everything after this one is older still.
                    ended = true;
                    return;
                }
                if ((after == null || after.isFollowedBy(pipeline)) && !filter.isAfterWindow(pipeline)
                        && filter.keeps(pipeline)) {
                    buffer.addLast(pipeline);
                }
            }
            if (page.last()) {
                ended = true;
            }
            else if (pagesRead >= maxPages) {
                ended = true;
                truncated = true;
            }
        }
    }
}

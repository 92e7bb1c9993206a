package io.pipelinesgateway.bitbucket;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;

import org.springframework.web.util.UriUtils;

/**
 * One call to Bitbucket as the endpoint layer builds it: the kind of resource (which tags metrics and decides
 * caching), its path below the REST root, its query, and how it is read. Only {@code bitbucket/} builds one, so no
 * other package knows a Bitbucket path; others may only look at one (a metric's resource, a test's stub).
 */
public final class UpstreamRequest {

    private static final String REPOSITORIES = "/repositories/";
    private static final Set<String> WORKSPACE_COLLECTIONS = Set.of("repositories", "workspaces", "teams", "users");

    private final UpstreamResource resource;
    private final String path;
    private final List<Map.Entry<String, String>> query;
    private final boolean settled;
    private final PipelineWait seenWaiting;
    private final Read read;

    /**
     * @param resource    the kind of resource
     * @param path        the encoded path below the base URL, starting with '/'
     * @param query       query parameters; a name may repeat (Bitbucket's {@code status=} filter does)
     * @param settled     whether what is read belongs to a step that has completed, so that its answer, and its
     *                    absence (no test report, no log), is final ({@link CachePolicy})
     * @param seenWaiting how the pipeline whose steps are read was seen waiting ({@link PipelineWait}), or null
     * @param read        through the cache, or live
     */
    private UpstreamRequest(UpstreamResource resource, String path, List<Map.Entry<String, String>> query,
            boolean settled, PipelineWait seenWaiting, Read read) {
        this.resource = resource;
        this.path = path;
        this.query = List.copyOf(query);
        this.settled = settled;
        this.seenWaiting = seenWaiting;
        this.read = read;
    }

    /** The kind of resource. */
    public UpstreamResource resource() {
        return resource;
    }

    /** The encoded path below the base URL, starting with '/'. */
    public String path() {
        return path;
    }

    /**
     * The resource and its path as a person reads them in an error: decoded, so that a UUID shows in its braces
     * ({@code pipeline at /repositories/acme/api/pipelines/{…}}) rather than as {@code %7B…%7D}.
     */
    String described() {
        return resource + " at " + UriUtils.decode(path, StandardCharsets.UTF_8);
    }

    List<Map.Entry<String, String>> query() {
        return query;
    }

    /** Whether what is read belongs to a step that has completed, so that its answer and its absence are final. */
    boolean settled() {
        return settled;
    }

    /** How the pipeline whose steps this request reads was seen waiting; null if it was not, or for other reads. */
    PipelineWait seenWaiting() {
        return seenWaiting;
    }

    /**
     * What sets this read apart in the cache from the same path and query read in another state of its parent, or
     * nothing. A read made while its step may still be running is never served for the completed step, whose report
     * may have appeared as it completed (what was kept while it ran, its absence above all, is kept longer while it
     * stays absent). The steps read for a pipeline seen waiting are kept under what it was seen as
     * ({@link PipelineWait}), so a pipeline seen otherwise never gets them.
     */
    String stateVariant() {
        if (seenWaiting != null) {
            return seenWaiting.cacheVariant();
        }
        return settled || resource.notFound() != UpstreamResource.NotFound.ABSENCE ? "" : "~running";
    }

    /** Whether the read goes through the cache or to Bitbucket as it is now. */
    Read read() {
        return read;
    }

    /**
     * Builds a request from raw path segments, each percent-encoded (Bitbucket's braced UUIDs included). An empty
     * last segment gives the trailing slash some Bitbucket list endpoints are published with.
     *
     * @throws io.pipelinesgateway.error.GatewayException BAD_USER_INPUT for a segment that is {@code .} or
     *                                                    {@code ..}, empty, or holds a control character
     *                                                    ({@link PathSegments#checked}), before any call
     */
    static UpstreamRequest of(UpstreamResource resource, String... segments) {
        int length = 0;
        for (String segment : segments) {
            if (segment == null) {
                // A coordinate taken from an answer of Bitbucket's that lacked it: nothing to ask for.
                throw new GatewayException(ErrorCode.UPSTREAM_INCOMPLETE, "Bitbucket's answer lacked the "
                        + "identifier the gateway needs to read " + resource + " of it; the rest of the answer "
                        + "stands.");
            }
            length += segment.length() + 1;
        }
        // Room for a step's path with its two braced UUIDs encoded, so the builder grows at most rarely.
        StringBuilder path = new StringBuilder(length + 8);
        for (int i = 0; i < segments.length; i++) {
            appendEncoded(path.append('/'), PathSegments.checked(segments[i], i == segments.length - 1));
        }
        return new UpstreamRequest(resource, path.toString(), List.of(), false, null, Read.CACHED);
    }

    /**
     * Appends a path segment percent-encoded. Slugs, numbers and Bitbucket's braced UUIDs, most of what a warm query
     * reads, are encoded here straight into the path, exactly as the general encoder would encode them; anything
     * else is left to it. Every cached read builds its path, a thousand for a warm dashboard.
     */
    private static void appendEncoded(StringBuilder path, String segment) {
        int start = path.length();
        int unencoded = 0;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                continue;
            }
            if (c != '{' && c != '}') {
                path.setLength(start);
                path.append(UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8));
                return;
            }
            path.append(segment, unencoded, i).append(c == '{' ? "%7B" : "%7D");
            unencoded = i + 1;
        }
        path.append(segment, unencoded, segment.length());
    }

    /** As {@link #of(UpstreamResource, String...)}, for a resource below a common prefix of segments. */
    static UpstreamRequest of(UpstreamResource resource, List<String> prefix, String... segments) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(Arrays.asList(segments));
        return of(resource, all.toArray(String[]::new));
    }

    /** The same request with one more query parameter. */
    UpstreamRequest with(String name, Object value) {
        if (value == null) {
            return this;
        }
        List<Map.Entry<String, String>> more = new ArrayList<>(query);
        more.add(Map.entry(name, String.valueOf(value)));
        return new UpstreamRequest(resource, path, more, settled, seenWaiting, read);
    }

    /** The same request, read for a step that has completed ({@code true}) or may still be running. */
    UpstreamRequest settled(boolean stepCompleted) {
        return new UpstreamRequest(resource, path, query, stepCompleted, seenWaiting, read);
    }

    /** The same request, reading the steps of a pipeline seen waiting so ({@code null}: not seen waiting). */
    UpstreamRequest seenWaiting(PipelineWait wait) {
        return new UpstreamRequest(resource, path, query, settled, wait, read);
    }

    /** The same request, read as {@code how}. */
    UpstreamRequest read(Read how) {
        return how == read ? this : new UpstreamRequest(resource, path, query, settled, seenWaiting, how);
    }

    /**
     * The repository ({@code workspace/slug}, as encoded in the path) whose pipelines this request reads, or null
     * for anything else: what is read below a repository's {@code pipelines/} is the same for every reader of that
     * repository, which is what lets completed answers be shared between them.
     */
    String pipelinesOfRepository() {
        String repository = repository();
        return repository != null && path.startsWith("/pipelines/", REPOSITORIES.length() + repository.length())
                ? repository : null;
    }

    /**
     * The repository ({@code workspace/slug}, as encoded in the path) this request concerns, or null for a request
     * above repositories: a credential's access to a repository is proven and lost per repository.
     */
    public String repository() {
        if (!path.startsWith(REPOSITORIES)) {
            return null;
        }
        int workspaceEnd = path.indexOf('/', REPOSITORIES.length());
        if (workspaceEnd <= REPOSITORIES.length()) {
            return null;
        }
        int slugEnd = path.indexOf('/', workspaceEnd + 1);
        int end = slugEnd < 0 ? path.length() : slugEnd;
        return end == workspaceEnd + 1 ? null : path.substring(REPOSITORIES.length(), end);
    }

    /**
     * The workspace (as {@link #workspace()} names it) whose repositories this request lists
     * ({@code /repositories/{workspace}}), or null for anything else: Bitbucket lists only the repositories the
     * credential may read, so a page of that listing proves access to each repository it names.
     */
    String repositoriesListedOf() {
        return resource == UpstreamResource.REPOSITORIES ? workspace() : null;
    }

    /**
     * The workspace (or team, or user account) the request concerns: the segment after {@code repositories},
     * {@code workspaces}, {@code teams} or {@code users}; {@code _account} for the caller's own resources. Rate
     * limits, savings and circuit breakers are kept per workspace.
     */
    public String workspace() {
        // Read in place rather than split: every cached read asks, twice.
        int second = path.indexOf('/', 1);
        if (second < 0) {
            return "_account";
        }
        String collection = path.substring(1, second);
        if (!WORKSPACE_COLLECTIONS.contains(collection)) {
            return "_account";
        }
        int third = path.indexOf('/', second + 1);
        String workspace = third < 0 ? path.substring(second + 1) : path.substring(second + 1, third);
        if (workspace.isEmpty() && path.chars().skip(second + 1).allMatch(c -> c == '/')) {
            // As split would have it: trailing empty segments are no segments.
            return "_account";
        }
        return workspace.indexOf('%') < 0 ? workspace : UriUtils.decode(workspace, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UpstreamRequest that && resource == that.resource && path.equals(that.path)
                && query.equals(that.query) && settled == that.settled
                && Objects.equals(seenWaiting, that.seenWaiting) && read == that.read;
    }

    @Override
    public int hashCode() {
        return Objects.hash(resource, path, query, settled, seenWaiting, read);
    }

    @Override
    public String toString() {
        return resource + " " + pathAndQuery();
    }

    /** The path and the encoded query, to append to the base URL. */
    String pathAndQuery() {
        return query.isEmpty() ? path : path + encodedQuery();
    }

    /**
     * The encoded query, from its '?', or nothing: what tells this request's answer apart from another's on the same
     * path. Built on each cached read, so in one pass, without a stream.
     */
    String encodedQuery() {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder encoded = new StringBuilder(16 * query.size());
        for (Map.Entry<String, String> parameter : query) {
            encoded.append(encoded.isEmpty() ? '?' : '&')
                    .append(UriUtils.encodeQueryParam(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(UriUtils.encodeQueryParam(parameter.getValue(), StandardCharsets.UTF_8));
        }
        return encoded.toString();
    }
}

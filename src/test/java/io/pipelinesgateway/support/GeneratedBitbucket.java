package io.pipelinesgateway.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Workspaces, repositories and pipeline histories too large for hand-written payload files (the feed's tests need
 * pages beyond the first), generated in Bitbucket's shapes and stubbed on the fake Bitbucket: repository listings
 * sorted by name (every repository's main branch is {@code main}), pipeline listings newest first
 * ({@code sort=-created_on}) in pages of 100 with {@code size}, and a pipeline's steps and their test cases. Or in
 * shorter pages, whatever length is asked, as some of Bitbucket's endpoints serve them ({@link #servingPagesOf}).
 */
public final class GeneratedBitbucket {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A generated pipeline: what the tests compare, and what Bitbucket's JSON is built from.
     *
     * @param branch the branch it built, or null for a build with no branch: a tag's when {@code tag} is set, else
     *               a commit's (as a custom pipeline run on a commit)
     */
    public record GeneratedPipeline(String workspace, String repository, String uuid, int buildNumber,
            Instant createdOn, String result, String branch, String tag, String commit, int seconds) {

        Map<String, Object> json() {
            Map<String, Object> pipeline = new LinkedHashMap<>();
            pipeline.put("type", "pipeline");
            pipeline.put("uuid", uuid);
            pipeline.put("build_number", buildNumber);
            pipeline.put("target", target());
            // A pipeline run on a commit is a custom one, which people start by hand.
            pipeline.put("trigger", branch == null && tag == null
                    ? Map.of("type", "pipeline_trigger_manual", "name", "MANUAL")
                    : Map.of("type", "pipeline_trigger_push", "name", "PUSH"));
            String lower = result.toLowerCase(java.util.Locale.ROOT);
            pipeline.put("state", Map.of("type", "pipeline_state_completed", "name", "COMPLETED",
                    "result", Map.of("type", "pipeline_state_completed_" + lower, "name", result)));
            pipeline.put("created_on", createdOn.toString());
            pipeline.put("completed_on", createdOn.plusSeconds(seconds).toString());
            pipeline.put("build_seconds_used", seconds);
            return pipeline;
        }

        private Map<String, Object> target() {
            Map<String, Object> hash = Map.of("type", "commit", "hash", commit);
            if (branch != null) {
                return Map.of("type", "pipeline_ref_target", "ref_type", "branch", "ref_name", branch,
                        "commit", hash, "selector", Map.of("type", "branches", "pattern", branch));
            }
            if (tag != null) {
                return Map.of("type", "pipeline_ref_target", "ref_type", "tag", "ref_name", tag,
                        "commit", hash, "selector", Map.of("type", "tags", "pattern", "v*"));
            }
            return Map.of("type", "pipeline_commit_target", "commit", hash,
                    "selector", Map.of("type", "custom", "pattern", "nightly"));
        }
    }

    private final WireMockServer server;
    private final int pageLength;
    private final Map<String, List<String>> repositories = new LinkedHashMap<>();
    private final Map<String, List<GeneratedPipeline>> histories = new LinkedHashMap<>();

    public GeneratedBitbucket(WireMockServer server) {
        this(server, 100);
    }

    private GeneratedBitbucket(WireMockServer server, int pageLength) {
        this.server = server;
        this.pageLength = pageLength;
    }

    /** Listings served in pages of {@code pageLength}, whatever length is asked (their {@code pagelen} says so). */
    public static GeneratedBitbucket servingPagesOf(WireMockServer server, int pageLength) {
        return new GeneratedBitbucket(server, pageLength);
    }

    /** Adds a repository (and its workspace) with no pipelines yet. */
    public GeneratedBitbucket repository(String workspace, String slug) {
        repositories.computeIfAbsent(workspace, any -> new ArrayList<>()).add(slug);
        histories.put(workspace + "/" + slug, new ArrayList<>());
        return this;
    }

    /** The UUID, in braces, Bitbucket's listings give a repository of this slug. */
    public static String repositoryUuid(String slug) {
        return String.format("{%08x-0000-4000-8000-000000000000}", slug.hashCode());
    }

    /** Adds a pipeline to a repository's history; call {@link #stub()} again for Bitbucket to show it. */
    public GeneratedPipeline pipeline(String workspace, String repository, Instant createdOn, String result,
            String branch, String commit, int seconds) {
        return add(workspace, repository, createdOn, result, branch, null, commit, seconds);
    }

    /** Adds a pipeline that built the tag {@code tag}, so has no branch. */
    public GeneratedPipeline tagPipeline(String workspace, String repository, Instant createdOn, String result,
            String tag, String commit) {
        return add(workspace, repository, createdOn, result, null, tag, commit, 60);
    }

    /** Adds a custom pipeline run on a commit, so with no branch and no tag. */
    public GeneratedPipeline commitPipeline(String workspace, String repository, Instant createdOn, String result,
            String commit) {
        return add(workspace, repository, createdOn, result, null, null, commit, 60);
    }

    private GeneratedPipeline add(String workspace, String repository, Instant createdOn, String result,
            String branch, String tag, String commit, int seconds) {
        List<GeneratedPipeline> history = histories.get(workspace + "/" + repository);
        int number = history.size() + 1;
        String uuid = String.format("{%08x-0000-4000-8000-%012x}", (workspace + repository).hashCode(), number);
        GeneratedPipeline pipeline = new GeneratedPipeline(workspace, repository, uuid, number, createdOn, result,
                branch, tag, commit, seconds);
        history.add(pipeline);
        return pipeline;
    }

    /**
     * Takes a pipeline out of its repository's listing, as a listing filtered by status drops one whose status
     * changed; call {@link #stub()} again for Bitbucket to show it.
     */
    public void leave(GeneratedPipeline pipeline) {
        histories.get(pipeline.workspace() + "/" + pipeline.repository()).remove(pipeline);
    }

    /** Every pipeline, in the feed's order: newest first, then by UUID, descending. */
    public List<GeneratedPipeline> newestFirst() {
        return histories.values().stream().flatMap(List::stream).sorted(NEWEST_FIRST).toList();
    }

    private static final Comparator<GeneratedPipeline> NEWEST_FIRST = Comparator
            .comparing(GeneratedPipeline::createdOn, Comparator.reverseOrder())
            .thenComparing(GeneratedPipeline::uuid, Comparator.reverseOrder());

    /**
     * Stubs a completed pipeline's one step, named {@code name}, completed with {@code result}, and the test cases
     * it reported ({@code name → status}); returns the path of the test cases, for checks on what was read.
     */
    public String step(GeneratedPipeline pipeline, String name, String result, Map<String, String> testCases) {
        String stepUuid = String.format("{%08x-1111-4000-8000-%012x}", name.hashCode(), pipeline.buildNumber());
        String stepsPath = "/2.0/repositories/" + pipeline.workspace() + "/" + pipeline.repository() + "/pipelines/"
                + encode(pipeline.uuid()) + "/steps/";
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("type", "pipeline_step");
        step.put("uuid", stepUuid);
        step.put("name", name);
        step.put("started_on", pipeline.createdOn().toString());
        step.put("completed_on", pipeline.createdOn().plusSeconds(pipeline.seconds()).toString());
        step.put("state", Map.of("type", "pipeline_step_state_completed", "name", "COMPLETED", "result",
                Map.of("type", "pipeline_step_state_completed_" + result.toLowerCase(java.util.Locale.ROOT),
                        "name", result)));
        server.stubFor(get(urlPathEqualTo(stepsPath)).willReturn(okJson(page(1, 1, List.of(step)))));
        String testCasesPath = stepsPath + encode(stepUuid) + "/test_reports/test_cases";
        List<Object> cases = testCases.entrySet().stream().map(test -> (Object) Map.of(
                "uuid", String.format("{%08x-2222-4000-8000-000000000000}", test.getKey().hashCode()),
                "name", test.getKey(), "fully_qualified_name", test.getKey(), "status", test.getValue())).toList();
        server.stubFor(get(urlPathEqualTo(testCasesPath)).willReturn(okJson(page(1, cases.size(), cases))));
        return testCasesPath;
    }

    private static String encode(String uuid) {
        return uuid.replace("{", "%7B").replace("}", "%7D");
    }

    /** (Re)stubs every listing with the current histories. */
    public void stub() {
        repositories.forEach((workspace, slugs) -> stubPages(
                () -> get(urlPathEqualTo("/2.0/repositories/" + workspace)).withQueryParam("sort", equalTo("name")),
                slugs.stream().map(slug -> (Object) Map.of(
                        "type", "repository", "slug", slug, "name", slug, "full_name", workspace + "/" + slug,
                        "mainbranch", Map.of("type", "branch", "name", "main"),
                        "uuid", repositoryUuid(slug))).toList()));
        histories.forEach((repository, history) -> stubPages(
                () -> get(urlPathEqualTo("/2.0/repositories/" + repository + "/pipelines/"))
                        .withQueryParam("sort", equalTo("-created_on")),
                history.stream().sorted(Comparator.comparing(GeneratedPipeline::createdOn).reversed())
                        .map(pipeline -> (Object) pipeline.json()).toList()));
    }

    /** Stubs a listing page by page, in pages of this Bitbucket's length, whatever length is asked. */
    private void stubPages(Supplier<MappingBuilder> listing, List<Object> values) {
        int pages = Math.max(1, (values.size() + pageLength - 1) / pageLength);
        for (int number = 1; number <= pages; number++) {
            server.stubFor(listing.get().withQueryParam("page", equalTo(String.valueOf(number)))
                    .willReturn(okJson(page(number, values.size(), values.subList((number - 1) * pageLength,
                            Math.min(values.size(), number * pageLength))))));
        }
    }

    private String page(int number, int size, List<Object> values) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("page", number);
        page.put("pagelen", pageLength);
        page.put("size", size);
        page.put("values", values);
        return JSON.writeValueAsString(page);
    }
}

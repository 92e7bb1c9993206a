package io.pipelinesgateway.sandbox;

import io.pipelinesgateway.sandbox.SandboxPipelineTarget.Selector;
import io.pipelinesgateway.sandbox.StepPlan.TestCase;
import io.pipelinesgateway.sandbox.Timeline.PipelineSnapshot;
import io.pipelinesgateway.sandbox.Timeline.StepSnapshot;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Pipelines and their steps and test reports: listing, reading, running and stopping, with Bitbucket's shapes and
 * quirks. Every read computes the state at the current instant ({@link Timeline}).
 */
@RestController
@Profile("sandbox")
@RequestMapping(SandboxWebFilter.PREFIX + "/repositories/{workspace}/{repoSlug}/pipelines")
class SandboxPipelineController {

    /** The values Bitbucket's {@code status=} filter accepts (state, stage and result names). */
    private static final Set<String> STATUSES = Set.of("SUCCESSFUL", "FAILED", "ERROR", "STOPPED", "EXPIRED",
            "IN_PROGRESS", "RUNNING", "PENDING", "PAUSED", "HALTED", "COMPLETED");
    private static final Set<String> SELECTOR_TYPES = Set.of("branches", "tags", "bookmarks", "default", "custom",
            "pull-requests");
    private static final Set<String> REF_TYPES = Set.of("branch", "tag", "named_branch", "bookmark");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{7,40}");
    private static final Pattern VARIABLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final SandboxStore store;
    private final ConfigStore config;
    private final SandboxWebhooks webhooks;

    SandboxPipelineController(SandboxStore store, ConfigStore config, SandboxWebhooks webhooks) {
        this.store = store;
        this.config = config;
        this.webhooks = webhooks;
    }

    @GetMapping
    SandboxJson.Page<SandboxJson.Pipeline> list(ServerHttpRequest request, @PathVariable String workspace,
            @PathVariable String repoSlug, @RequestParam(required = false) String sort,
            @RequestParam(name = "status", required = false) List<String> status,
            @RequestParam(required = false) String page, @RequestParam(required = false) String pagelen) {
        Repo repo = store.repository(workspace, repoSlug);
        Paging.Request paging = Paging.request(page, pagelen);
        List<String> filters = status == null ? List.of()
                : status.stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
        for (String filter : filters) {
            if (!STATUSES.contains(filter)) {
                throw SandboxException.badRequest("Invalid status: " + filter);
            }
        }
        Instant now = store.now();
        List<PipelineSnapshot> snapshots = new ArrayList<>(store.pipelines(repo).stream()
                .map(p -> Timeline.at(p, now))
                .filter(s -> filters.isEmpty() || filters.stream().anyMatch(f -> s.status().matchesFilter(f)))
                .toList());
        snapshots.sort(order(sort));
        Representations r = Representations.forRequest(request.getURI());
        return Paging.page(snapshots.stream().map(r::pipeline).toList(), paging, request.getURI(),
                Paging.Quirk.NEXT_MISSING_ON_EVEN_PAGES);
    }

    private static Comparator<PipelineSnapshot> order(String sort) {
        Comparator<PipelineSnapshot> byCreation = Comparator
                .comparing((PipelineSnapshot s) -> s.pipeline().createdOn())
                .thenComparingInt(s -> s.pipeline().buildNumber());
        if (sort == null || sort.isBlank()) {
            return byCreation;
        }
        return switch (sort.trim()) {
            case "created_on" -> byCreation;
            case "-created_on" -> byCreation.reversed();
            case "build_number" -> Comparator.comparingInt(s -> s.pipeline().buildNumber());
            case "-build_number" -> Comparator.comparingInt((PipelineSnapshot s) -> s.pipeline().buildNumber())
                    .reversed();
            default -> throw SandboxException.badRequest("Invalid sort field: " + sort);
        };
    }

    @PostMapping
    ResponseEntity<SandboxJson.Pipeline> run(ServerHttpRequest request, @PathVariable String workspace,
            @PathVariable String repoSlug, @RequestBody(required = false) JsonNode body) {
        Repo repo = store.repository(workspace, repoSlug);
        if (!config.pipelinesEnabled(repo)) {
            throw SandboxException.badRequest("Pipelines is disabled for " + repo.fullName()
                    + ": enable it in pipelines_config first.");
        }
        if (body == null || !body.isObject()) {
            throw SandboxException.badRequest("A JSON object with a 'target' is required.");
        }
        SandboxPipelineTarget target = target(repo, body.path("target"));
        if (!repo.definitions().defines(target.selector())) {
            // What Bitbucket answers when the commit's bitbucket-pipelines.yml has no pipeline of that name.
            throw new SandboxException(HttpStatus.BAD_REQUEST, "Bad request",
                    "Requested selector is not found in bitbucket-pipelines.yml.",
                    "result-service.pipeline.selector-not-found");
        }
        List<SandboxVariable> variables = variables(body.path("variables"));
        SandboxPipeline pipeline = store.run(repo, target, SandboxTrigger.MANUAL, variables);
        webhooks.look();
        Representations r = Representations.forRequest(request.getURI());
        return ResponseEntity.created(URI.create(r.pipelineUrl(pipeline)))
                .body(r.pipeline(Timeline.at(pipeline, store.now())));
    }

    private SandboxPipelineTarget target(Repo repo, JsonNode target) {
        if (!target.isObject()) {
            throw SandboxException.badRequest("The pipeline's 'target' is required.");
        }
        String type = text(target.path("type"));
        Selector selector = selector(target.path("selector"));
        String hash = hash(target.path("commit"));
        if ("pipeline_ref_target".equals(type)) {
            String refType = text(target.path("ref_type"));
            refType = refType == null ? "branch" : refType;
            if (!REF_TYPES.contains(refType)) {
                throw SandboxException.badRequest("Invalid ref_type: " + refType);
            }
            String refName = required(target, "ref_name");
            if (hash == null && !store.hasRef(repo, refType, refName)) {
                // What Bitbucket answers when it looks for the ref's latest commit and finds no such ref.
                throw new SandboxException(HttpStatus.NOT_FOUND, "Not found",
                        "Could not find last reference for " + refType + " " + refName);
            }
            Selector fallback = refType.equals("tag") ? new Selector("tags", refName)
                    : new Selector("branches", refName);
            return new SandboxPipelineTarget.Ref(refType, refName, hash != null ? hash : store.headOf(repo, refName),
                    selector != null ? selector : fallback);
        }
        if ("pipeline_commit_target".equals(type)) {
            if (hash == null) {
                throw SandboxException.badRequest("A pipeline_commit_target needs commit.hash.");
            }
            return new SandboxPipelineTarget.Commit(hash, selector != null ? selector : new Selector("default", null));
        }
        if ("pipeline_pullrequest_target".equals(type)) {
            String source = required(target, "source");
            String destination = required(target, "destination");
            String destinationCommit = hash(target.path("destination_commit"));
            JsonNode pr = target.path("pullrequest");
            long id = pr.path("id").isNumber() ? pr.path("id").asLong() : parseId(text(pr.path("id")));
            String title = text(pr.path("title"));
            return new SandboxPipelineTarget.PullRequest(source, destination,
                    hash != null ? hash : store.headOf(repo, source),
                    destinationCommit != null ? destinationCommit : store.headOf(repo, destination), id,
                    title != null ? title : "Pull request #" + id,
                    selector != null ? selector : new Selector("pull-requests", "**"));
        }
        throw SandboxException.badRequest("Unsupported target type: " + type
                + " (pipeline_ref_target, pipeline_commit_target or pipeline_pullrequest_target)");
    }

    private static long parseId(String id) {
        if (id == null) {
            return 1;
        }
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw SandboxException.badRequest("Invalid pull request id: " + id);
        }
    }

    private static Selector selector(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        String type = text(node.path("type"));
        if (type == null || !SELECTOR_TYPES.contains(type)) {
            throw SandboxException.badRequest("Invalid selector type: " + type);
        }
        String pattern = text(node.path("pattern"));
        if (pattern == null && !type.equals("default")) {
            throw SandboxException.badRequest("A selector of type " + type + " needs a pattern.");
        }
        return new Selector(type, pattern);
    }

    private static String hash(JsonNode commit) {
        String hash = text(commit.path("hash"));
        if (hash != null && !HASH.matcher(hash).matches()) {
            throw SandboxException.badRequest("Invalid commit hash: " + hash);
        }
        return hash;
    }

    private static String required(JsonNode node, String field) {
        String value = text(node.path(field));
        if (value == null || value.isBlank()) {
            throw SandboxException.badRequest("The target's '" + field + "' is required.");
        }
        return value;
    }

    private static String text(JsonNode node) {
        if (node.isString()) {
            return node.stringValue();
        }
        return node.isNumber() ? node.asString() : null;
    }

    private static List<SandboxVariable> variables(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw SandboxException.badRequest("'variables' must be a list of {key, value, secured}.");
        }
        List<SandboxVariable> variables = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode v : node.values()) {
            String key = text(v.path("key"));
            if (key == null || !VARIABLE_KEY.matcher(key).matches()) {
                throw SandboxException.badRequest("Invalid variable key: " + key);
            }
            if (!keys.add(key)) {
                throw new SandboxException(HttpStatus.BAD_REQUEST, "Bad request",
                        "The variable key '" + key + "' is given more than once.");
            }
            String value = text(v.path("value"));
            boolean secured = v.path("secured").asBoolean(false);
            variables.add(new SandboxVariable("{" + UUID.randomUUID() + "}", key, value == null ? "" : value,
                    secured));
        }
        return variables;
    }

    @GetMapping("/{pipeline}")
    SandboxJson.Pipeline get(ServerHttpRequest request, @PathVariable String workspace,
            @PathVariable String repoSlug, @PathVariable String pipeline) {
        return Representations.forRequest(request.getURI()).pipeline(snapshot(workspace, repoSlug, pipeline));
    }

    @PostMapping("/{pipeline}/stopPipeline")
    ResponseEntity<Void> stop(@PathVariable String workspace, @PathVariable String repoSlug,
            @PathVariable String pipeline) {
        store.stop(store.repository(workspace, repoSlug), pipeline);
        webhooks.look();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{pipeline}/steps")
    SandboxJson.Page<SandboxJson.Step> steps(ServerHttpRequest request, @PathVariable String workspace,
            @PathVariable String repoSlug, @PathVariable String pipeline,
            @RequestParam(required = false) String page, @RequestParam(required = false) String pagelen) {
        PipelineSnapshot snapshot = snapshot(workspace, repoSlug, pipeline);
        Representations r = Representations.forRequest(request.getURI());
        List<SandboxJson.Step> steps = snapshot.steps().stream().map(s -> r.step(snapshot, s)).toList();
        return Paging.page(steps, Paging.request(page, pagelen), request.getURI());
    }

    @GetMapping("/{pipeline}/steps/{step}")
    SandboxJson.Step step(ServerHttpRequest request, @PathVariable String workspace, @PathVariable String repoSlug,
            @PathVariable String pipeline, @PathVariable String step) {
        PipelineSnapshot snapshot = snapshot(workspace, repoSlug, pipeline);
        return Representations.forRequest(request.getURI()).step(snapshot, step(snapshot, step));
    }

    @GetMapping("/{pipeline}/steps/{step}/test_reports")
    ResponseEntity<?> testReports(@PathVariable String workspace, @PathVariable String repoSlug,
            @PathVariable String pipeline, @PathVariable String step) {
        StepSnapshot snapshot = step(snapshot(workspace, repoSlug, pipeline), step);
        if (!snapshot.hasTestReport()) {
            // Most steps of a dashboard report no tests: their 404 is answered as the error handler would, without
            // the cost of throwing to it.
            return SandboxErrorHandler.error(HttpStatus.NOT_FOUND, noTestReport(step));
        }
        List<TestCase> tests = snapshot.plan().tests();
        Duration total = tests.stream().map(TestCase::duration).reduce(Duration.ZERO, Duration::plus);
        return ResponseEntity.ok(new SandboxJson.TestReportSummary("test_report_summary", tests.size(),
                count(tests, TestCase.Status.SUCCESS), count(tests, TestCase.Status.FAILED),
                count(tests, TestCase.Status.SKIPPED), count(tests, TestCase.Status.ERROR),
                total.toMillis() / 1000.0));
    }

    @GetMapping("/{pipeline}/steps/{step}/test_reports/test_cases")
    SandboxJson.Page<SandboxJson.TestCase> testCases(ServerHttpRequest request, @PathVariable String workspace,
            @PathVariable String repoSlug, @PathVariable String pipeline, @PathVariable String step,
            @RequestParam(name = "status", required = false) List<String> status,
            @RequestParam(required = false) String page, @RequestParam(required = false) String pagelen) {
        Paging.Request paging = Paging.request(page, pagelen);
        List<TestCase.Status> wanted = new ArrayList<>();
        for (String s : status == null ? List.<String>of() : status) {
            try {
                wanted.add(TestCase.Status.valueOf(s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw SandboxException.badRequest("Invalid status: " + s + " (SUCCESS, FAILED, ERROR or SKIPPED)");
            }
        }
        List<SandboxJson.TestCase> cases = reported(workspace, repoSlug, pipeline, step).stream()
                .filter(t -> wanted.isEmpty() || wanted.contains(t.status()))
                .map(t -> new SandboxJson.TestCase("test_case", t.uuid(), t.name(), t.fullyQualifiedName(),
                        t.packageName(), t.status().name(), t.duration().toString()))
                .toList();
        return Paging.page(cases, paging, request.getURI());
    }

    @GetMapping("/{pipeline}/steps/{step}/test_reports/test_cases/{testCase}/test_case_reasons")
    SandboxJson.Page<SandboxJson.TestCaseReason> testCaseReasons(ServerHttpRequest request,
            @PathVariable String workspace, @PathVariable String repoSlug, @PathVariable String pipeline,
            @PathVariable String step, @PathVariable String testCase,
            @RequestParam(required = false) String page, @RequestParam(required = false) String pagelen) {
        Paging.Request paging = Paging.request(page, pagelen);
        TestCase test = reported(workspace, repoSlug, pipeline, step).stream()
                .filter(t -> Ids.sameUuid(t.uuid(), testCase)).findFirst()
                .orElseThrow(() -> SandboxException.notFound("Test case " + testCase + " not found."));
        List<SandboxJson.TestCaseReason> reasons = test.message() == null ? List.of()
                : List.of(new SandboxJson.TestCaseReason("test_case_reason", test.message(), test.stackTrace()));
        return Paging.page(reasons, paging, request.getURI());
    }

    private List<TestCase> reported(String workspace, String repoSlug, String pipeline, String step) {
        StepSnapshot s = step(snapshot(workspace, repoSlug, pipeline), step);
        if (!s.hasTestReport()) {
            throw SandboxException.notFound(noTestReport(step));
        }
        return s.plan().tests();
    }

    private static String noTestReport(String step) {
        return "No test reports found for step " + step + ".";
    }

    private static int count(List<TestCase> tests, TestCase.Status status) {
        return (int) tests.stream().filter(t -> t.status() == status).count();
    }

    private PipelineSnapshot snapshot(String workspace, String repoSlug, String pipeline) {
        Repo repo = store.repository(workspace, repoSlug);
        return Timeline.at(store.pipeline(repo, pipeline), store.now());
    }

    static StepSnapshot step(PipelineSnapshot snapshot, String step) {
        StepSnapshot s = snapshot.step(step);
        if (s == null) {
            throw SandboxException.notFound("Step " + step + " not found.");
        }
        return s;
    }
}

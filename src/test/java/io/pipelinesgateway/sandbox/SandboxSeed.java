package io.pipelinesgateway.sandbox;

import io.pipelinesgateway.sandbox.BuildScripts.Recipe;
import io.pipelinesgateway.sandbox.SandboxPipelineTarget.Selector;
import io.pipelinesgateway.sandbox.StepPlan.Hold;
import io.pipelinesgateway.sandbox.StepPlan.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The sandbox's initial data: two workspaces, three repositories each, and pipelines in every state, laid out
 * backwards from the start instant {@code t0}. Identifiers and contents depend only on names, never on randomness or
 * the start time, so the same uuids and build numbers exist on every start.
 *
 * <p>Pipelines that are RUNNING at start (one per workspace, plus {@code acme/web-app}) run their steps at 20 times
 * {@code gateway.sandbox.step-seconds} each, so they are still running while someone looks (a few minutes by default)
 * and then complete on their own. PENDING, PAUSED and HALTED pipelines wait indefinitely, until stopped.
 */
final class SandboxSeed {

    /** Everything the store starts with. */
    record Seed(SandboxAccount user, List<SandboxAccount> colleagues, List<SandboxWorkspace> workspaces,
            List<Repo> repos,
            List<SandboxPipeline> pipelines, Map<String, List<Recipe>> recipes) {
    }

    static final SandboxAccount SANDBOX_USER = account("sandbox-user", "Sandbox User");
    private static final SandboxAccount ALICE = account("alice.ng", "Alice Ng");
    private static final SandboxAccount BOB = account("bdiaz", "Bob Diaz");
    private static final SandboxAccount CAROL = account("carol.okafor", "Carol Okafor");

    private static final List<String> MESSAGES = List.of(
            "Merged in feature/order-discounts (pull request #12)",
            "Bump spring-boot to 3.2.5",
            "Fix rounding of discounted totals",
            "Add invoice CSV export",
            "Retry flaky upstream calls with backoff",
            "Tidy up logging configuration",
            "Add rate limits per API key",
            "Document the webhook payloads",
            "Speed up the integration tests");

    private final Instant t0;
    private final Duration step;
    private final List<SandboxPipeline> pipelines = new ArrayList<>();

    private final int loadWorkspaces;
    private final int loadRepositories;

    private SandboxSeed(Instant t0, Duration step, int loadWorkspaces, int loadRepositories) {
        this.t0 = t0;
        this.step = step;
        this.loadWorkspaces = loadWorkspaces;
        this.loadRepositories = loadRepositories;
    }

    static SandboxAccount account(String nickname, String displayName) {
        String uuid = Ids.uuid("user/" + nickname);
        return new SandboxAccount(uuid, "712020:" + uuid.substring(1, uuid.length() - 1), nickname, displayName);
    }

    static Seed create(Instant t0, Duration stepDuration) {
        return create(t0, stepDuration, 0, 0);
    }

    /** With {@code loadWorkspaces} generated workspaces of {@code loadRepositories} repositories each besides. */
    static Seed create(Instant t0, Duration stepDuration, int loadWorkspaces, int loadRepositories) {
        return new SandboxSeed(t0, stepDuration, loadWorkspaces, loadRepositories).build();
    }

    private Seed build() {
        SandboxWorkspace acme = new SandboxWorkspace(Ids.uuid("workspace/acme"), "acme", "Acme Corp", true,
                Instant.parse("2019-03-14T09:26:53.535Z"), true);
        SandboxWorkspace globex = new SandboxWorkspace(Ids.uuid("workspace/globex"), "globex", "Globex Corporation",
                true,
                Instant.parse("2020-11-02T16:04:11.201Z"), false);
        Repo.Project platform = new Repo.Project(Ids.uuid("project/acme/PLAT"), "PLAT", "Acme Platform");
        Repo.Project core = new Repo.Project(Ids.uuid("project/globex/CORE"), "CORE", "Globex Core");
        // Each repository's custom pipelines: those its seeded pipelines and schedules run, and a few more.
        Repo api = repo(acme, "api", "api", "Orders and billing API", "java", platform, "2019-04-01T10:00:00Z",
                48_211_344, PipelineDefinitions.withCustomPipelines("deploy-to-production", "nightly-security-scan",
                        "rollback-production"));
        Repo webApp = repo(acme, "web-app", "web-app", "Customer storefront", "typescript", platform,
                "2019-06-17T13:45:00Z", 91_544_010, PipelineDefinitions.withCustomPipelines("deploy-to-staging",
                        "deploy-to-production", "lighthouse-audit"));
        Repo infra = repo(acme, "infra", "infra", "Terraform for the AWS accounts", "hcl", platform,
                "2020-01-08T08:30:00Z", 2_117_889, PipelineDefinitions.withCustomPipelines("plan-all-accounts",
                        "apply-all-accounts"));
        Repo billing = repo(globex, "billing-service", "billing-service", "Invoicing and ledger service", "go",
                core, "2021-02-22T11:12:00Z", 12_880_102, PipelineDefinitions.withCustomPipelines(
                        "deploy-to-production", "rebuild-ledger-snapshots"));
        Repo mobile = repo(globex, "mobile-app", "Mobile App", "Android app for Globex customers", "kotlin", core,
                "2021-05-30T15:00:00Z", 160_332_874, PipelineDefinitions.withCustomPipelines("release-to-play-store",
                        "nightly-ui-tests"));
        Repo data = repo(globex, "data-pipeline", "data-pipeline", "Nightly loads into the warehouse", "python",
                core, "2022-09-05T07:20:00Z", 5_402_113, PipelineDefinitions.withCustomPipelines("nightly-load",
                        "backfill-warehouse"));

        Map<String, List<Recipe>> recipes = new LinkedHashMap<>();
        recipes.put(api.uuid(), List.of(Recipe.JAVA_BUILD, Recipe.SECURITY_SCAN, Recipe.DEPLOY_STAGING));
        recipes.put(webApp.uuid(), List.of(Recipe.NODE_INSTALL, Recipe.NODE_TEST, Recipe.NODE_BUILD));
        recipes.put(infra.uuid(), List.of(Recipe.TF_VALIDATE, Recipe.TF_PLAN));
        recipes.put(billing.uuid(), List.of(Recipe.GO_TEST, Recipe.GO_IMAGE));
        recipes.put(mobile.uuid(), List.of(Recipe.ANDROID_ASSEMBLE, Recipe.ANDROID_TEST));
        recipes.put(data.uuid(), List.of(Recipe.PY_LINT, Recipe.PY_INTEGRATION));

        seedApi(api);
        seedWebApp(webApp);
        seedInfra(infra);
        seedBilling(billing);
        seedMobile(mobile);
        seedData(data);

        List<SandboxWorkspace> workspaces = new ArrayList<>(List.of(acme, globex));
        List<Repo> repos = new ArrayList<>(List.of(api, webApp, infra, billing, mobile, data));
        seedLoad(workspaces, repos, recipes);
        return new Seed(SANDBOX_USER, List.of(ALICE, BOB, CAROL), List.copyOf(workspaces), List.copyOf(repos),
                pipelines, recipes);
    }

    /**
     * Generated workspaces for benchmarks: {@code load-N/service-MM}, each repository built like one of the default
     * seed's (its steps, so only its test steps report tests) with 12 to 15 pipelines: mostly successful, some failed
     * or errored (the steps after the failing one NOT_RUN), some stopped, and, newest, a running one, one waiting for
     * a runner or one paused before a manual deployment. Laid out by a random seeded with the repository's name, so
     * every start generates the same repositories.
     */
    private void seedLoad(List<SandboxWorkspace> workspaces, List<Repo> repos, Map<String, List<Recipe>> recipes) {
        Repo.Project project = new Repo.Project(Ids.uuid("project/load/LOAD"), "LOAD", "Load");
        List<List<Recipe>> shapes = List.copyOf(new LinkedHashSet<>(recipes.values()));
        for (int w = 1; w <= loadWorkspaces; w++) {
            SandboxWorkspace workspace = new SandboxWorkspace(Ids.uuid("workspace/load-" + w), "load-" + w,
                    "Load " + w, true,
                    Instant.parse("2023-01-01T00:00:00Z"), false);
            workspaces.add(workspace);
            for (int r = 1; r <= loadRepositories; r++) {
                Repo repo = repo(workspace, "service-%02d".formatted(r), "service-%02d".formatted(r),
                        "Generated for load tests", "java", project, "2023-01-02T00:00:00Z", 1_000_000,
                        PipelineDefinitions.withCustomPipelines("deploy-to-production"));
                repos.add(repo);
                Random random = new Random(repo.fullName().hashCode());
                List<Recipe> steps = shapes.get(random.nextInt(shapes.size()));
                recipes.put(repo.uuid(), steps);
                seedLoadRepository(repo, steps, random);
            }
        }
    }

    private void seedLoadRepository(Repo repo, List<Recipe> steps, Random random) {
        int completed = 12 + random.nextInt(3);
        for (int n = 1; n <= completed; n++) {
            TargetSpec target = branch(n % 3 == 0 ? "develop" : "main");
            int roll = random.nextInt(100);
            if (roll < 5) {
                stoppedDuringFirstStep(repo, n, target, BOB, steps);
            }
            else {
                Ending ending = roll < 20 ? fail(random.nextInt(steps.size()))
                        : roll < 25 ? error(random.nextInt(steps.size())) : ok();
                done(repo, n, target, SandboxTrigger.PUSH, ALICE, steps, ending);
            }
        }
        int newest = completed + 1;
        int roll = random.nextInt(100);
        if (roll < 35) {
            running(repo, newest, branch("main"), CAROL, steps, Duration.ofMinutes(2));
        }
        else if (roll < 50) {
            waitingForRunner(repo, newest, branch("main"), CAROL, steps, Duration.ofMinutes(3));
        }
        else if (roll < 60) {
            List<Recipe> withApproval = new ArrayList<>(steps);
            withApproval.add(Recipe.DEPLOY_PRODUCTION);
            held(repo, newest, branch("main"), ALICE, withApproval, Hold.Kind.PAUSED, Duration.ofHours(1));
        }
    }

    private static Repo repo(SandboxWorkspace ws, String slug, String name, String description, String language,
            Repo.Project project, String created, long size, PipelineDefinitions definitions) {
        Instant createdOn = Instant.parse(created);
        return new Repo(Ids.uuid("repository/" + ws.slug() + "/" + slug), ws, slug, name, description, language,
                "main", project, createdOn, createdOn.plus(Duration.ofDays(900)), size, definitions);
    }

    // acme/api: 30 pipelines, so that lists span pages; every state appears here.
    private void seedApi(Repo api) {
        List<Recipe> branch = List.of(Recipe.JAVA_BUILD, Recipe.SECURITY_SCAN, Recipe.DEPLOY_STAGING);
        List<Recipe> feature = List.of(Recipe.JAVA_BUILD, Recipe.SECURITY_SCAN);
        List<Recipe> release = List.of(Recipe.JAVA_BUILD, Recipe.DEPLOY_PRODUCTION);
        List<Recipe> production = List.of(Recipe.DEPLOY_PRODUCTION);
        Selector features = new Selector("branches", "feature/*");

        done(api, 1, branch("main"), SandboxTrigger.PUSH, ALICE, branch, ok());
        done(api, 2, branch("feature/order-discounts", features), SandboxTrigger.PUSH, BOB, feature, fail(0));
        done(api, 3, branch("feature/order-discounts", features), SandboxTrigger.PUSH, BOB, feature, ok());
        done(api, 4, pullRequest(api, 12, "feature/order-discounts", "main", "Discounts by percentage"),
                SandboxTrigger.PUSH, BOB, List.of(Recipe.JAVA_BUILD), ok());
        done(api, 5, branch("main"), SandboxTrigger.PUSH, ALICE, branch, ok());
        done(api, 6, branch("develop"), SandboxTrigger.PUSH, CAROL, branch, ok());
        done(api, 7, branch("develop"), SandboxTrigger.PUSH, CAROL, branch, error(0));
        done(api, 8, branch("develop"), SandboxTrigger.PUSH, CAROL, branch, ok());
        done(api, 9, tag("v2.3.0"), SandboxTrigger.PUSH, ALICE, release, ok());
        done(api, 10, custom("main", "deploy-to-production"), SandboxTrigger.MANUAL, ALICE, production, ok());
        done(api, 11, branch("main"), SandboxTrigger.PUSH, BOB, branch, fail(1));
        done(api, 12, branch("main"), SandboxTrigger.PUSH, BOB, branch, ok());
        stoppedDuringFirstStep(api, 13, branch("feature/invoice-export", features), CAROL, feature);
        done(api, 14, branch("feature/invoice-export", features), SandboxTrigger.PUSH, CAROL, feature, ok());
        done(api, 15, custom("main", "nightly-security-scan"), SandboxTrigger.SCHEDULE, SANDBOX_USER, feature, ok());
        done(api, 16, branch("develop"), SandboxTrigger.PUSH, CAROL, branch, ok());
        done(api, 17, pullRequest(api, 15, "feature/invoice-export", "develop", "Invoice CSV export"),
                SandboxTrigger.PUSH, CAROL, List.of(Recipe.JAVA_BUILD), fail(0));
        done(api, 18, branch("main"), SandboxTrigger.PUSH, ALICE, branch, ok());
        expiredAwaitingApproval(api, 19, branch("main"), ALICE,
                List.of(Recipe.JAVA_BUILD, Recipe.SECURITY_SCAN, Recipe.DEPLOY_PRODUCTION));
        done(api, 20, custom("main", "nightly-security-scan"), SandboxTrigger.SCHEDULE, SANDBOX_USER, feature, ok());
        done(api, 21, branch("feature/rate-limits", features), SandboxTrigger.PUSH, BOB, feature, ok());
        stoppedDuringFirstStep(api, 22, branch("feature/rate-limits", features), BOB, feature);
        done(api, 23, branch("develop"), SandboxTrigger.PUSH, CAROL, branch, fail(2));
        done(api, 24, tag("v2.4.0-rc1"), SandboxTrigger.PUSH, ALICE, release, ok());
        done(api, 25, branch("main"), SandboxTrigger.PUSH, ALICE, branch, ok());
        done(api, 26, pullRequest(api, 18, "feature/rate-limits", "main", "Rate limits per API key"),
                SandboxTrigger.PUSH, BOB, List.of(Recipe.JAVA_BUILD), ok());
        held(api, 27, branch("main"), ALICE,
                List.of(Recipe.JAVA_BUILD, Recipe.SECURITY_SCAN, Recipe.DEPLOY_PRODUCTION), Hold.Kind.PAUSED,
                Duration.ofHours(3));
        held(api, 28, branch("develop"), CAROL, branch, Hold.Kind.HALTED, Duration.ofHours(2));
        running(api, 29, branch("feature/webhooks", features), BOB, feature, Duration.ofMinutes(5));
        waitingForRunner(api, 30, branch("main"), ALICE, branch, Duration.ofMinutes(1));
    }

    private void seedWebApp(Repo web) {
        List<Recipe> steps = List.of(Recipe.NODE_INSTALL, Recipe.NODE_TEST, Recipe.NODE_BUILD);
        done(web, 1, branch("main"), SandboxTrigger.PUSH, ALICE, steps, ok());
        done(web, 2, branch("feature/checkout-redesign", new Selector("branches", "feature/*")), SandboxTrigger.PUSH,
                CAROL,
                steps, fail(1));
        done(web, 3, pullRequest(web, 41, "feature/checkout-redesign", "main", "Checkout redesign"),
                SandboxTrigger.PUSH,
                CAROL, steps, ok());
        done(web, 4, branch("main"), SandboxTrigger.PUSH, CAROL, steps, fail(0));
        done(web, 5, branch("main"), SandboxTrigger.PUSH, ALICE, steps, ok());
        stoppedDuringFirstStep(web, 6, branch("main"), ALICE, steps);
        done(web, 7, branch("main"), SandboxTrigger.PUSH, ALICE, steps, ok());
        running(web, 8, branch("main"), ALICE, steps, Duration.ofMinutes(4));
    }

    private void seedInfra(Repo infra) {
        List<Recipe> steps = List.of(Recipe.TF_VALIDATE, Recipe.TF_PLAN);
        done(infra, 1, branch("main"), SandboxTrigger.PUSH, CAROL, steps, ok());
        done(infra, 2, branch("main"), SandboxTrigger.PUSH, CAROL, steps, fail(1));
        done(infra, 3, branch("main"), SandboxTrigger.PUSH, BOB, steps, ok());
        done(infra, 4, custom("main", "plan-all-accounts"), SandboxTrigger.MANUAL, SANDBOX_USER, steps, ok());
    }

    private void seedBilling(Repo billing) {
        List<Recipe> steps = List.of(Recipe.GO_TEST, Recipe.GO_IMAGE);
        done(billing, 1, branch("main"), SandboxTrigger.PUSH, BOB, steps, ok());
        done(billing, 2, branch("main"), SandboxTrigger.PUSH, BOB, steps, fail(0));
        done(billing, 3, branch("main"), SandboxTrigger.PUSH, BOB, steps, ok());
        done(billing, 4, tag("v1.8.0"), SandboxTrigger.PUSH, SANDBOX_USER, steps, ok());
        done(billing, 5, pullRequest(billing, 7, "feature/ledger-export", "main", "Export the ledger as CSV"),
                SandboxTrigger.PUSH, CAROL, List.of(Recipe.GO_TEST), ok());
        done(billing, 6, branch("main"), SandboxTrigger.PUSH, CAROL, steps, ok());
        running(billing, 7, branch("main"), CAROL, steps, Duration.ofMinutes(6));
    }

    private void seedMobile(Repo mobile) {
        List<Recipe> steps = List.of(Recipe.ANDROID_ASSEMBLE, Recipe.ANDROID_TEST);
        done(mobile, 1, branch("main"), SandboxTrigger.PUSH, ALICE, steps, ok());
        done(mobile, 2, branch("main"), SandboxTrigger.PUSH, ALICE, steps, fail(1));
        done(mobile, 3, branch("main"), SandboxTrigger.PUSH, BOB, steps, ok());
        waitingForRunner(mobile, 4, branch("main"), BOB, steps, Duration.ofMinutes(20));
    }

    private void seedData(Repo data) {
        List<Recipe> steps = List.of(Recipe.PY_LINT, Recipe.PY_INTEGRATION);
        done(data, 1, branch("main"), SandboxTrigger.PUSH, CAROL, steps, ok());
        done(data, 2, branch("main"), SandboxTrigger.PUSH, CAROL, steps, fail(1));
        done(data, 3, branch("main"), SandboxTrigger.PUSH, CAROL, steps, error(1));
        done(data, 4, branch("main"), SandboxTrigger.PUSH, CAROL, steps, ok());
        done(data, 5, custom("main", "nightly-load"), SandboxTrigger.SCHEDULE, SANDBOX_USER, steps, ok());
    }

    // ---- targets ----

    private record TargetSpec(String kind, String ref, Selector selector, String destination, long prId,
            String title) {
    }

    private static TargetSpec branch(String name) {
        return branch(name, new Selector("branches", name));
    }

    private static TargetSpec branch(String name, Selector selector) {
        return new TargetSpec("branch", name, selector, null, 0, null);
    }

    private static TargetSpec tag(String name) {
        return new TargetSpec("tag", name, new Selector("tags", "v*"), null, 0, null);
    }

    private static TargetSpec custom(String branch, String pipeline) {
        return new TargetSpec("branch", branch, new Selector("custom", pipeline), null, 0, null);
    }

    private static TargetSpec pullRequest(Repo repo, long id, String source, String destination, String title) {
        return new TargetSpec("pullrequest", source, new Selector("pull-requests", "**"), destination, id, title);
    }

    private SandboxPipelineTarget target(Repo repo, int buildNumber, TargetSpec spec) {
        String commit = Ids.commitHash(repo.fullName() + "#" + buildNumber);
        return switch (spec.kind()) {
            case "pullrequest" -> new SandboxPipelineTarget.PullRequest(spec.ref(), spec.destination(), commit,
                    Ids.commitHash(repo.fullName() + "@" + spec.destination()), spec.prId(), spec.title(),
                    spec.selector());
            default -> new SandboxPipelineTarget.Ref(spec.kind(), spec.ref(), commit, spec.selector());
        };
    }

    // ---- outcomes: which step ends how ----

    private record Ending(int step, Outcome outcome) {
    }

    private static Ending ok() {
        return new Ending(-1, Outcome.SUCCESSFUL);
    }

    private static Ending fail(int step) {
        return new Ending(step, Outcome.FAILED);
    }

    private static Ending error(int step) {
        return new Ending(step, Outcome.ERROR);
    }

    // ---- layouts in time ----

    /** A pipeline completed in the past: one every three hours, counting back from build 31. */
    private void done(Repo repo, int n, TargetSpec target, SandboxTrigger trigger, SandboxAccount creator,
            List<Recipe> recipes,
            Ending ending) {
        Instant created = pastCreation(n);
        Instant starts = created.plusSeconds(9 + n % 13);
        List<StepPlan> steps = new ArrayList<>();
        SandboxPipelineTarget t = target(repo, n, target);
        for (int i = 0; i < recipes.size(); i++) {
            Outcome outcome = i == ending.step() ? ending.outcome() : Outcome.SUCCESSFUL;
            steps.add(step(repo, n, i, t, recipes.get(i), outcome, realisticDuration(recipes.get(i), n), null));
        }
        add(repo, n, t, trigger, creator, created, starts, steps, null);
    }

    private void stoppedDuringFirstStep(Repo repo, int n, TargetSpec target, SandboxAccount creator,
            List<Recipe> recipes) {
        Instant created = pastCreation(n);
        Instant starts = created.plusSeconds(12);
        SandboxPipelineTarget t = target(repo, n, target);
        List<StepPlan> steps = new ArrayList<>();
        for (int i = 0; i < recipes.size(); i++) {
            steps.add(step(repo, n, i, t, recipes.get(i), Outcome.SUCCESSFUL, realisticDuration(recipes.get(i), n),
                    null));
        }
        Instant stopped = starts.plus(steps.get(0).duration().dividedBy(2));
        add(repo, n, t, SandboxTrigger.PUSH, creator, created, starts, steps, stopped);
    }

    /** Paused before a manual deployment and never resumed: Bitbucket expired it. */
    private void expiredAwaitingApproval(Repo repo, int n, TargetSpec target, SandboxAccount creator,
            List<Recipe> recipes) {
        Instant created = pastCreation(n);
        Instant starts = created.plusSeconds(15);
        SandboxPipelineTarget t = target(repo, n, target);
        List<StepPlan> steps = new ArrayList<>();
        for (int i = 0; i < recipes.size(); i++) {
            Hold hold = i == recipes.size() - 1 ? new Hold(Hold.Kind.PAUSED, created.plus(Duration.ofHours(2)))
                    : null;
            steps.add(step(repo, n, i, t, recipes.get(i), Outcome.SUCCESSFUL, realisticDuration(recipes.get(i), n),
                    hold));
        }
        add(repo, n, t, SandboxTrigger.PUSH, creator, created, starts, steps, null);
    }

    /** Waits before its last step indefinitely: PAUSED (manual step) or HALTED (blocked deployment). */
    private void held(Repo repo, int n, TargetSpec target, SandboxAccount creator, List<Recipe> recipes, Hold.Kind kind,
            Duration ago) {
        Instant created = t0.minus(ago);
        Instant starts = created.plusSeconds(11);
        SandboxPipelineTarget t = target(repo, n, target);
        List<StepPlan> steps = new ArrayList<>();
        for (int i = 0; i < recipes.size(); i++) {
            Hold hold = i == recipes.size() - 1 ? new Hold(kind, null) : null;
            steps.add(step(repo, n, i, t, recipes.get(i), Outcome.SUCCESSFUL, realisticDuration(recipes.get(i), n),
                    hold));
        }
        add(repo, n, t, SandboxTrigger.PUSH, creator, created, starts, steps, null);
    }

    /** Running at {@code t0}, four step-lengths into its first step; steps last 20 step-lengths each. */
    private void running(Repo repo, int n, TargetSpec target, SandboxAccount creator, List<Recipe> recipes,
            Duration createdAgo) {
        Instant created = t0.minus(createdAgo);
        Duration stepLength = step.multipliedBy(20);
        Instant starts = t0.minus(step.multipliedBy(4));
        if (starts.isBefore(created)) {
            starts = created;
        }
        SandboxPipelineTarget t = target(repo, n, target);
        List<StepPlan> steps = new ArrayList<>();
        for (int i = 0; i < recipes.size(); i++) {
            steps.add(step(repo, n, i, t, recipes.get(i), Outcome.SUCCESSFUL, stepLength, null));
        }
        add(repo, n, t, SandboxTrigger.PUSH, creator, created, starts, steps, null);
    }

    /** Queued for a runner that never comes: PENDING until stopped. */
    private void waitingForRunner(Repo repo, int n, TargetSpec target, SandboxAccount creator, List<Recipe> recipes,
            Duration createdAgo) {
        SandboxPipelineTarget t = target(repo, n, target);
        List<StepPlan> steps = new ArrayList<>();
        for (int i = 0; i < recipes.size(); i++) {
            steps.add(step(repo, n, i, t, recipes.get(i), Outcome.SUCCESSFUL, realisticDuration(recipes.get(i), n),
                    null));
        }
        add(repo, n, t, SandboxTrigger.PUSH, creator, t0.minus(createdAgo), null, steps, null);
    }

    private Instant pastCreation(int n) {
        return t0.minus(Duration.ofHours(3L * (31 - n))).minusSeconds(n * 7L % 50);
    }

    private static Duration realisticDuration(Recipe recipe, int n) {
        int base = switch (recipe) {
            case JAVA_BUILD -> 142;
            case SECURITY_SCAN -> 38;
            case DEPLOY_STAGING, DEPLOY_PRODUCTION -> 95;
            case NODE_INSTALL -> 61;
            case NODE_TEST -> 74;
            case NODE_BUILD -> 33;
            case TF_VALIDATE -> 22;
            case TF_PLAN -> 57;
            case GO_TEST -> 48;
            case GO_IMAGE -> 66;
            case ANDROID_ASSEMBLE -> 211;
            case ANDROID_TEST -> 118;
            case PY_LINT -> 19;
            case PY_INTEGRATION -> 143;
        };
        return Duration.ofSeconds(base + (n * 17L) % 23);
    }

    private StepPlan step(Repo repo, int n, int index, SandboxPipelineTarget target, Recipe recipe, Outcome outcome,
            Duration duration, Hold hold) {
        String uuid = Ids.uuid("step/" + repo.fullName() + "/" + n + "/" + index);
        return BuildScripts.step(uuid, recipe, context(repo, target, n), outcome, duration, hold);
    }

    static BuildScripts.Context context(Repo repo, SandboxPipelineTarget target, int n) {
        String branch = target.branch() != null ? target.branch()
                : target instanceof SandboxPipelineTarget.Ref ref ? ref.refName() : repo.mainBranch();
        return new BuildScripts.Context(repo, branch, target.commit(), MESSAGES.get(n % MESSAGES.size()));
    }

    private void add(Repo repo, int n, SandboxPipelineTarget target, SandboxTrigger trigger, SandboxAccount creator,
            Instant created,
            Instant starts, List<StepPlan> steps, Instant stopped) {
        List<SandboxVariable> variables = target.selector().type().equals("custom") && trigger == SandboxTrigger.MANUAL
                ? List.of(
                new SandboxVariable(Ids.uuid("run-variable/" + repo.fullName() + "/" + n + "/DEPLOY_ENV"),
                        "DEPLOY_ENV", "production", false),
                new SandboxVariable(Ids.uuid("run-variable/" + repo.fullName() + "/" + n + "/RELEASE_TOKEN"),
                        "RELEASE_TOKEN", "rt_91f0e2d3c4b5a6978", true))
                : List.of();
        pipelines.add(new SandboxPipeline(Ids.uuid("pipeline/" + repo.fullName() + "/" + n), n, repo, creator, target,
                trigger, created, starts, steps, variables, stopped));
    }
}

package io.pipelinesgateway.sandbox;

import io.pipelinesgateway.sandbox.BuildScripts.Recipe;
import io.pipelinesgateway.sandbox.StepPlan.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The sandbox's state, shared by all requests: seeded at start, then changed by runs and stops. Requests arrive
 * concurrently, so pipelines live in a concurrent map of immutable records, replaced atomically when stopped; build
 * numbers come from atomic counters.
 */
@Component
@Profile("sandbox")
class SandboxStore {

    private final Clock clock;
    private final SandboxProperties properties;
    private final SandboxAccount user;
    private final List<SandboxWorkspace> workspaces;
    private final List<Repo> repos;
    private final Map<String, List<Recipe>> recipes;
    private final ConcurrentMap<String, SandboxPipeline> pipelines = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicInteger> lastBuildNumbers = new ConcurrentHashMap<>();
    /** Each repository's branches and tags, by the repository's uuid; fixed at start, as the sandbox has no pushes. */
    private final Map<String, Set<RefName>> refs = new HashMap<>();

    SandboxStore(SandboxClock clock, SandboxProperties properties) {
        this.clock = clock.clock();
        this.properties = properties;
        SandboxSeed.Seed seed = SandboxSeed.create(this.clock.instant().truncatedTo(ChronoUnit.SECONDS),
                properties.stepDuration(), properties.loadWorkspaces(), properties.loadRepositoriesPerWorkspace());
        this.user = seed.user();
        this.workspaces = seed.workspaces();
        this.repos = seed.repos();
        this.recipes = seed.recipes();
        for (Repo repo : repos) {
            lastBuildNumbers.put(repo.uuid(), new AtomicInteger());
            refs.put(repo.uuid(), new HashSet<>(Set.of(new RefName(false, repo.mainBranch()))));
        }
        for (SandboxPipeline p : seed.pipelines()) {
            pipelines.put(p.uuid(), p);
            lastBuildNumbers.get(p.repo().uuid()).accumulateAndGet(p.buildNumber(), Math::max);
            refs.get(p.repo().uuid()).addAll(RefName.builtBy(p.target()));
        }
    }

    /** A branch (or a named branch or bookmark, which Bitbucket's Mercurial repositories had) or a tag. */
    private record RefName(boolean tag, String name) {

        static RefName of(String refType, String name) {
            return new RefName("tag".equals(refType), name);
        }

        /** The refs a seeded pipeline shows the repository has: its ref, or its pull request's two branches. */
        static List<RefName> builtBy(SandboxPipelineTarget target) {
            if (target instanceof SandboxPipelineTarget.Ref ref) {
                return List.of(of(ref.refType(), ref.refName()));
            }
            if (target instanceof SandboxPipelineTarget.PullRequest pr) {
                return List.of(new RefName(false, pr.source()), new RefName(false, pr.destination()));
            }
            return List.of();
        }
    }

    Instant now() {
        return clock.instant();
    }

    SandboxAccount user() {
        return user;
    }

    List<SandboxWorkspace> workspaces() {
        return workspaces;
    }

    SandboxWorkspace workspace(String slugOrUuid) {
        return workspaces.stream().filter(w -> w.matches(slugOrUuid)).findFirst()
                .orElseThrow(() -> SandboxException.notFound("Workspace " + slugOrUuid + " not found."));
    }

    List<Repo> repositories(SandboxWorkspace workspace) {
        // By uuid, not by record equality: every request asks, and a whole record's equality compares its instants.
        return repos.stream().filter(r -> r.workspace().uuid().equals(workspace.uuid())).toList();
    }

    Repo repository(String workspace, String slugOrUuid) {
        SandboxWorkspace ws = workspace(workspace);
        return repositories(ws).stream().filter(r -> r.matches(slugOrUuid)).findFirst()
                .orElseThrow(() -> SandboxException.notFound("Repository " + workspace + "/" + slugOrUuid
                        + " not found"));
    }

    /** The repository's pipelines, oldest first (Bitbucket's default order). */
    List<SandboxPipeline> pipelines(Repo repo) {
        return pipelines.values().stream().filter(p -> p.repo().uuid().equals(repo.uuid()))
                .sorted(Comparator.comparing(SandboxPipeline::createdOn).thenComparing(SandboxPipeline::buildNumber))
                .toList();
    }

    /** Every pipeline of every repository, in no particular order. */
    Collection<SandboxPipeline> allPipelines() {
        return pipelines.values();
    }

    /** A pipeline by uuid (braced or not) or by build number, as Bitbucket accepts both. */
    SandboxPipeline pipeline(Repo repo, String uuidOrBuildNumber) {
        // Most requests name the pipeline by its braced uuid, as the store keys it: found at once, not by a scan.
        SandboxPipeline byKey = pipelines.get(uuidOrBuildNumber);
        if (byKey != null && byKey.repo().uuid().equals(repo.uuid())) {
            return byKey;
        }
        return pipelines.values().stream()
                .filter(p -> p.repo().uuid().equals(repo.uuid()) && p.matches(uuidOrBuildNumber))
                .findFirst()
                .orElseThrow(() -> SandboxException.notFound("Pipeline " + uuidOrBuildNumber + " not found."));
    }

    /**
     * Starts a pipeline: PENDING for one step-length, then the repository's steps one step-length each, all
     * successful.
     */
    SandboxPipeline run(Repo repo, SandboxPipelineTarget target, SandboxTrigger trigger,
            List<SandboxVariable> variables) {
        Instant created = now();
        int buildNumber = lastBuildNumbers.get(repo.uuid()).incrementAndGet();
        String uuid = Ids.uuid("pipeline/" + repo.fullName() + "/" + buildNumber + "/" + created);
        List<StepPlan> steps = new ArrayList<>();
        List<Recipe> plan = recipes.get(repo.uuid());
        BuildScripts.Context context = SandboxSeed.context(repo, target, buildNumber);
        for (int i = 0; i < plan.size(); i++) {
            steps.add(BuildScripts.step(Ids.uuid("step/" + uuid + "/" + i), plan.get(i), context, Outcome.SUCCESSFUL,
                    properties.stepDuration(), null));
        }
        SandboxPipeline pipeline = new SandboxPipeline(uuid, buildNumber, repo, user, target, trigger, created,
                created.plus(properties.stepDuration()), steps, variables, null);
        pipelines.put(uuid, pipeline);
        return pipeline;
    }

    /** Stops a pipeline that has not completed; a completed one cannot be stopped (400, as Bitbucket). */
    void stop(Repo repo, String uuidOrBuildNumber) {
        SandboxPipeline found = pipeline(repo, uuidOrBuildNumber);
        pipelines.compute(found.uuid(), (uuid, current) -> {
            Instant now = now();
            if (current.stoppedAt() != null || Timeline.at(current, now).status().completed()) {
                throw new SandboxException(HttpStatus.BAD_REQUEST,
                        "Pipeline " + current.buildNumber() + " has already completed and cannot be stopped.");
            }
            return current.stoppedAt(now);
        });
    }

    /** The build number the next run of the repository gets. */
    int nextBuildNumber(Repo repo) {
        return lastBuildNumbers.get(repo.uuid()).get() + 1;
    }

    /** Moves the build number on; as on Bitbucket, it must be higher than the latest build's (400 otherwise). */
    void setNextBuildNumber(Repo repo, int next) {
        lastBuildNumbers.get(repo.uuid()).updateAndGet(last -> {
            if (next <= last) {
                throw SandboxException.badRequest("The build number must be higher than the latest build number ("
                        + last + ").");
            }
            return next - 1;
        });
    }

    /**
     * Whether the repository has the ref: its main branch, or a branch or tag its seeded pipelines were built on (a
     * pull request's source and destination branches included).
     */
    boolean hasRef(Repo repo, String refType, String name) {
        return refs.get(repo.uuid()).contains(RefName.of(refType, name));
    }

    /** The commit a branch points at in the sandbox (stable per repository and branch). */
    String headOf(Repo repo, String branch) {
        return Ids.commitHash(repo.fullName() + "@" + branch);
    }
}

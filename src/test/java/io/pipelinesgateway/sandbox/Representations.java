package io.pipelinesgateway.sandbox;

import io.pipelinesgateway.sandbox.SandboxJson.Link;
import io.pipelinesgateway.sandbox.Timeline.PipelineSnapshot;
import io.pipelinesgateway.sandbox.Timeline.StepSnapshot;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Turns the sandbox's model into Bitbucket's JSON shapes, with links that point back at the sandbox itself (API
 * links under {@code /sandbox/2.0}, web links under {@code /sandbox/web}) on whatever host and port the client used.
 *
 * @param api the API root, e.g. {@code http://127.0.0.1:8080/sandbox/2.0}
 * @param web the web root, e.g. {@code http://127.0.0.1:8080/sandbox/web}
 */
record Representations(String api, String web) {

    /** Bitbucket writes timestamps with microseconds and a numeric offset. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    static Representations forRequest(URI requestUri) {
        String origin = UriComponentsBuilder.fromUri(requestUri).replacePath(null).replaceQuery(null).fragment(null)
                .build().toUriString();
        return new Representations(origin + "/sandbox/2.0", origin + "/sandbox/web");
    }

    static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** Braces are not allowed in URIs: Bitbucket's own links carry uuids as {@code %7B...%7D}. */
    static String segment(String value) {
        return UriUtils.encodePathSegment(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Map<String, Object> links(Object... nameAndHref) {
        Map<String, Object> links = new LinkedHashMap<>();
        for (int i = 0; i < nameAndHref.length; i += 2) {
            Object value = nameAndHref[i + 1];
            links.put((String) nameAndHref[i], value instanceof String href ? Link.to(href) : value);
        }
        return links;
    }

    SandboxJson.Account account(SandboxAccount a) {
        return new SandboxJson.Account("user", a.uuid(), a.displayName(), a.accountId(), a.nickname(), null, null,
                null, links(
                "self", api + "/users/" + segment(a.uuid()),
                "html", web + "/" + segment(a.uuid()) + "/",
                "avatar", web + "/account/" + segment(a.nickname()) + "/avatar/"));
    }

    SandboxJson.Account currentUser(SandboxAccount a) {
        SandboxJson.Account base = account(a);
        return new SandboxJson.Account(base.type(), base.uuid(), base.displayName(), base.accountId(),
                base.nickname(), "active", timestamp(Instant.parse("2019-03-14T09:20:00Z")), false, links(
                "self", api + "/users/" + segment(a.uuid()),
                "html", web + "/" + segment(a.uuid()) + "/",
                "avatar", web + "/account/" + segment(a.nickname()) + "/avatar/",
                "repositories", api + "/repositories/" + segment(a.uuid())));
    }

    SandboxJson.Workspace workspace(SandboxWorkspace w) {
        String slug = segment(w.slug());
        return new SandboxJson.Workspace("workspace", w.uuid(), w.name(), w.slug(), w.isPrivate(),
                timestamp(w.createdOn()), links(
                "self", api + "/workspaces/" + slug,
                "html", web + "/" + slug + "/",
                "avatar", web + "/workspaces/" + slug + "/avatar/",
                "members", api + "/workspaces/" + slug + "/members",
                "owners", api + "/workspaces/" + slug + "/members?q=permission%3D%22owner%22",
                "projects", api + "/workspaces/" + slug + "/projects",
                "repositories", api + "/repositories/" + slug,
                "snippets", api + "/snippets/" + slug));
    }

    SandboxJson.WorkspaceAccess workspaceAccess(SandboxWorkspace w) {
        return new SandboxJson.WorkspaceAccess("workspace_access", w.administrator(), workspace(w),
                links("self", api + "/user/workspaces/" + segment(w.slug()) + "/permission"));
    }

    SandboxJson.Repository repository(Repo r) {
        String full = repoPath(r);
        Repo.Project p = r.project();
        SandboxJson.Project project = new SandboxJson.Project("project", p.uuid(), p.key(), p.name(), links(
                "html", web + "/" + segment(r.workspace().slug()) + "/workspace/projects/" + segment(p.key()),
                "avatar", web + "/" + segment(r.workspace().slug()) + "/workspace/projects/" + segment(p.key())
                        + "/avatar/32"));
        SandboxWorkspace w = r.workspace();
        SandboxJson.Workspace workspace = new SandboxJson.Workspace("workspace", w.uuid(), w.name(), w.slug(), null,
                null, links(
                "self", api + "/workspaces/" + segment(w.slug()),
                "html", web + "/" + segment(w.slug()) + "/",
                "avatar", web + "/workspaces/" + segment(w.slug()) + "/avatar/"));
        return new SandboxJson.Repository("repository", r.uuid(), r.name(), r.slug(), r.fullName(), r.description(),
                true, "git", r.language(), false, false, "no_public_forks", timestamp(r.createdOn()),
                timestamp(r.updatedOn()), r.size(), null, workspace, project,
                new SandboxJson.Branch("branch", r.mainBranch()), links(
                "self", api + "/repositories/" + full,
                "html", web + "/" + full,
                "avatar", web + "/" + full + "/avatar/32/",
                "pullrequests", api + "/repositories/" + full + "/pullrequests",
                "commits", api + "/repositories/" + full + "/commits",
                "forks", api + "/repositories/" + full + "/forks",
                "watchers", api + "/repositories/" + full + "/watchers",
                "downloads", api + "/repositories/" + full + "/downloads",
                "clone", List.of(new Link(web + "/" + full + ".git", "https")),
                "hooks", api + "/repositories/" + full + "/hooks"));
    }

    private SandboxJson.Repository repositoryRef(Repo r) {
        String full = repoPath(r);
        return new SandboxJson.Repository("repository", r.uuid(), r.name(), null, r.fullName(), null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, links(
                "self", api + "/repositories/" + full,
                "html", web + "/" + full,
                "avatar", web + "/" + full + "/avatar/32/"));
    }

    private static String repoPath(Repo r) {
        return segment(r.workspace().slug()) + "/" + segment(r.slug());
    }

    String pipelineUrl(SandboxPipeline p) {
        return api + "/repositories/" + repoPath(p.repo()) + "/pipelines/" + segment(p.uuid());
    }

    SandboxJson.Pipeline pipeline(PipelineSnapshot s) {
        SandboxPipeline p = s.pipeline();
        SandboxPipelineStatus status = s.status();
        SandboxJson.State state = status.state().json();
        String self = pipelineUrl(p);
        String commit = p.target().commit();
        return new SandboxJson.Pipeline("pipeline", p.uuid(), p.buildNumber(), 1, account(p.creator()),
                repositoryRef(p.repo()), target(p.target()),
                new SandboxJson.TypedName(p.trigger().type(), p.trigger().name()), state, timestamp(p.createdOn()),
                timestamp(s.completedOn()), s.buildTime().toSeconds(), s.buildTime().toSeconds(),
                p.variables().stream().map(Representations::variable).toList(),
                List.of(new SandboxJson.ConfigurationSource("bitbucket-pipelines.yml",
                        api + "/repositories/" + repoPath(p.repo()) + "/src/" + commit + "/bitbucket-pipelines.yml")),
                links(
                        "self", self,
                        "steps", self + "/steps/",
                        "html", web + "/" + repoPath(p.repo()) + "/pipelines/results/" + p.buildNumber()));
    }

    /**
     * What Bitbucket delivers to a webhook when Pipelines sets the commit status of a run: one status per run (its
     * uuid is the key) on the commit it built, named and linked as Pipelines names and links them.
     */
    SandboxJson.CommitStatusEvent commitStatusEvent(PipelineSnapshot s) {
        SandboxPipeline p = s.pipeline();
        String refname = p.target() instanceof SandboxPipelineTarget.Ref ref ? ref.refName() : p.target().branch();
        String key = p.uuid().replace("{", "").replace("}", "");
        String commitPath = api + "/repositories/" + repoPath(p.repo()) + "/commit/" + p.target().commit();
        SandboxJson.CommitStatusState state = s.status().commitStatusState();
        SandboxJson.CommitStatus status = new SandboxJson.CommitStatus("commit_status", key, state,
                "Pipeline #" + p.buildNumber() + (refname == null ? "" : " for " + refname),
                "Pipeline " + s.status().name().toLowerCase(Locale.ROOT),
                web + "/" + repoPath(p.repo()) + "/pipelines/results/" + p.buildNumber(), refname,
                SandboxJson.Commit.of(p.target().commit()), repositoryRef(p.repo()), timestamp(p.createdOn()),
                timestamp(s.completedOn() != null ? s.completedOn() : s.observedAt()), links(
                        "self", commitPath + "/statuses/build/" + segment(key),
                        "commit", commitPath));
        return new SandboxJson.CommitStatusEvent(account(p.creator()), repositoryRef(p.repo()), status);
    }

    private static Object target(SandboxPipelineTarget target) {
        SandboxJson.Selector selector = new SandboxJson.Selector(target.selector().type(),
                target.selector().pattern());
        if (target instanceof SandboxPipelineTarget.Ref ref) {
            return new SandboxJson.RefTarget("pipeline_ref_target", ref.refType(), ref.refName(),
                    SandboxJson.Commit.of(ref.commit()), selector);
        }
        if (target instanceof SandboxPipelineTarget.PullRequest pr) {
            return new SandboxJson.PullRequestTarget("pipeline_pullrequest_target", pr.source(), pr.destination(),
                    SandboxJson.Commit.of(pr.destinationCommit()), SandboxJson.Commit.of(pr.commit()),
                    new SandboxJson.PullRequest("pullrequest", pr.id(), pr.title(), false), selector);
        }
        return new SandboxJson.CommitTarget("pipeline_commit_target", SandboxJson.Commit.of(target.commit()),
                selector);
    }

    static SandboxJson.Variable variable(SandboxVariable v) {
        return new SandboxJson.Variable("pipeline_variable", v.uuid(), v.key(), v.secured() ? null : v.value(),
                v.secured());
    }

    SandboxJson.Step step(PipelineSnapshot pipeline, StepSnapshot s) {
        StepPlan plan = s.plan();
        StepStatus status = s.status();
        SandboxJson.State state = status.state().json();
        String self = pipelineUrl(pipeline.pipeline()) + "/steps/" + segment(plan.uuid());
        Duration elapsed = s.elapsed();
        boolean started = s.startedOn() != null;
        return new SandboxJson.Step("pipeline_step", plan.uuid(), plan.name(), timestamp(s.startedOn()),
                timestamp(s.completedOn()), state,
                new SandboxJson.Image(plan.image().name(), plan.image().username(), plan.image().email()),
                plan.setupCommands().stream().map(c -> new SandboxJson.Command(c.name(), c.command())).toList(),
                plan.scriptCommands().stream().map(c -> new SandboxJson.Command(c.name(), c.command())).toList(),
                started ? elapsed.toSeconds() : null, started ? elapsed.toSeconds() : null, 1, 120,
                new SandboxJson.PipelineRef("pipeline", pipeline.pipeline().uuid()),
                new SandboxJson.TypedName(plan.isManual() ? "pipeline_step_trigger_manual"
                        : "pipeline_step_trigger_automatic", null),
                plan.services().isEmpty() ? null
                        : plan.services().stream().map(c -> new SandboxJson.ServiceContainer(c.uuid(), c.name()))
                        .toList(),
                links("self", self, "log", self + "/log"));
    }

    // ---- configuration ----

    static SandboxJson.Variable deploymentVariable(SandboxVariable v) {
        return new SandboxJson.Variable("deployment_variable", v.uuid(), v.key(), v.secured() ? null : v.value(),
                v.secured());
    }

    SandboxJson.Environment environment(ConfigModel.Environment e) {
        return new SandboxJson.Environment("deployment_environment", e.uuid(), e.name(), e.slug(), e.rank(), false,
                new SandboxJson.EnvironmentType("deployment_environment_type", e.type(), e.rank()),
                new SandboxJson.TypedName("deployment_environment_lock_open", "OPEN"),
                restrictions());
    }

    private static Map<String, Object> restrictions() {
        Map<String, Object> restrictions = new LinkedHashMap<>();
        restrictions.put("type", "deployment_restrictions_configuration");
        restrictions.put("admin_only", false);
        return restrictions;
    }

    SandboxJson.PipelinesConfig pipelinesConfig(Repo repo, boolean enabled) {
        return new SandboxJson.PipelinesConfig("pipelines_config", enabled, repository(repo));
    }

    static SandboxJson.Schedule schedule(ConfigModel.Schedule s) {
        SandboxJson.Selector selector = new SandboxJson.Selector(s.selector().type(), s.selector().pattern());
        return new SandboxJson.Schedule("pipeline_schedule", s.uuid(), s.enabled(),
                new SandboxJson.RefTarget("pipeline_ref_target", "branch", s.branch(), null, selector), selector,
                s.cronPattern(), timestamp(s.createdOn()), timestamp(s.updatedOn()));
    }

    SandboxJson.ScheduleExecution execution(ConfigModel.Execution e, PipelineSnapshot pipeline) {
        if (pipeline != null) {
            return new SandboxJson.ScheduleExecution("pipeline_schedule_execution_executed", e.uuid(),
                    pipeline(pipeline), null);
        }
        return new SandboxJson.ScheduleExecution("pipeline_schedule_execution_errored", e.uuid(), null,
                new SandboxJson.PipelineError("pipeline_error", e.errorKey(), e.errorMessage()));
    }

    static SandboxJson.KeyPair keyPair(ConfigModel.KeyPair pair) {
        return new SandboxJson.KeyPair("pipeline_ssh_key_pair", pair.publicKey());
    }

    static SandboxJson.KnownHost knownHost(ConfigModel.KnownHost h) {
        return new SandboxJson.KnownHost("pipeline_known_host", h.uuid(), h.hostname(),
                new SandboxJson.PublicKey("pipeline_ssh_public_key", h.keyType(), h.key(), md5Fingerprint(h.key()),
                        sha256Fingerprint(h.key())));
    }

    /** OpenSSH's fingerprint formats ({@code MD5:aa:bb:...}, {@code SHA256:base64}) of a base64 key. */
    static String md5Fingerprint(String base64Key) {
        byte[] digest = digest("MD5", base64Key);
        StringBuilder out = new StringBuilder("MD5");
        for (byte b : digest) {
            out.append(':').append(String.format("%02x", b));
        }
        return out.toString();
    }

    static String sha256Fingerprint(String base64Key) {
        return "SHA256:" + java.util.Base64.getEncoder().withoutPadding().encodeToString(digest("SHA-256", base64Key));
    }

    private static byte[] digest(String algorithm, String base64Key) {
        try {
            return java.security.MessageDigest.getInstance(algorithm)
                    .digest(java.util.Base64.getDecoder().decode(base64Key));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static SandboxJson.Cache cache(ConfigModel.Cache c) {
        return new SandboxJson.Cache("pipeline_cache", c.uuid(), c.pipelineUuid(), c.stepUuid(), c.name(), c.path(),
                c.fileSizeBytes(), timestamp(c.createdOn()));
    }

    SandboxJson.ContentUri cacheContent(Repo repo, ConfigModel.Cache c) {
        return new SandboxJson.ContentUri(web + "/" + repoPath(repo) + "/pipelines/caches/" + segment(c.uuid())
                + "/content?name=" + segment(c.name()));
    }
}

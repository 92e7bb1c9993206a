package io.pipelinesgateway.sandbox;

import io.pipelinesgateway.sandbox.ConfigModel.Cache;
import io.pipelinesgateway.sandbox.ConfigModel.Environment;
import io.pipelinesgateway.sandbox.ConfigModel.Execution;
import io.pipelinesgateway.sandbox.ConfigModel.KeyPair;
import io.pipelinesgateway.sandbox.ConfigModel.KnownHost;
import io.pipelinesgateway.sandbox.ConfigModel.Schedule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The sandbox's Pipelines configuration, seeded at start and changed through the configuration endpoints: variables
 * at every level (workspace, repository, deployment environment, user), deployment environments, whether Pipelines is
 * enabled, schedules and their executions, the SSH key pair and known hosts, and caches. Every collection is safe for
 * concurrent requests ({@link Registry}, concurrent maps).
 */
@Component
@Profile("sandbox")
class ConfigStore {

    /** Bitbucket's and GitHub's published ed25519 host keys, as the seeded known hosts. */
    private static final String BITBUCKET_HOST_KEY = "AAAAC3NzaC1lZDI1NTE5AAAAIIazEu89wgQZ4bqs3d63QSMzYVa0MuJ2e2gKTKqu+UUO";
    private static final String GITHUB_HOST_KEY = "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";

    private final SandboxStore store;
    private final ConcurrentMap<String, Registry<SandboxVariable>> variables = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Registry<Environment>> environments = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Boolean> enabled = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Registry<Schedule>> schedules = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, List<Execution>> executions = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, KeyPair> keyPairs = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Registry<KnownHost>> knownHosts = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Registry<Cache>> caches = new ConcurrentHashMap<>();

    ConfigStore(SandboxStore store) {
        this.store = store;
        seed();
    }

    // ---- scopes of variables ----

    Registry<SandboxVariable> workspaceVariables(SandboxWorkspace workspace) {
        return variables.computeIfAbsent("workspace:" + workspace.uuid(), k -> new Registry<>(SandboxVariable::uuid));
    }

    Registry<SandboxVariable> repositoryVariables(Repo repo) {
        return variables.computeIfAbsent("repository:" + repo.uuid(), k -> new Registry<>(SandboxVariable::uuid));
    }

    Registry<SandboxVariable> environmentVariables(Repo repo, String environmentUuid) {
        Environment environment = environments(repo).get(environmentUuid, "Environment");
        return variables.computeIfAbsent("environment:" + environment.uuid(),
                k -> new Registry<>(SandboxVariable::uuid));
    }

    /** Only the sandbox's own user has user-level variables: its uuid, account id or nickname selects it. */
    Registry<SandboxVariable> userVariables(String selectedUser) {
        SandboxAccount user = store.user();
        if (!Ids.sameUuid(user.uuid(), selectedUser) && !user.nickname().equals(selectedUser)
                && !user.accountId().equals(selectedUser)) {
            throw SandboxException.notFound("User " + selectedUser + " not found.");
        }
        return variables.computeIfAbsent("user:" + user.uuid(), k -> new Registry<>(SandboxVariable::uuid));
    }

    // ---- repository configuration ----

    Registry<Environment> environments(Repo repo) {
        return environments.computeIfAbsent(repo.uuid(), k -> new Registry<>(Environment::uuid));
    }

    boolean pipelinesEnabled(Repo repo) {
        return enabled.getOrDefault(repo.uuid(), true);
    }

    void enablePipelines(Repo repo, boolean on) {
        enabled.put(repo.uuid(), on);
    }

    Registry<Schedule> schedules(Repo repo) {
        return schedules.computeIfAbsent(repo.uuid(), k -> new Registry<>(Schedule::uuid));
    }

    List<Execution> executions(Repo repo, String scheduleUuid) {
        Schedule schedule = schedules(repo).get(scheduleUuid, "Schedule");
        return executions.getOrDefault(schedule.uuid(), List.of());
    }

    KeyPair keyPair(Repo repo) {
        KeyPair pair = keyPairs.get(repo.uuid());
        if (pair == null) {
            throw SandboxException.notFound("No SSH key pair is configured for " + repo.fullName() + ".");
        }
        return pair;
    }

    void setKeyPair(Repo repo, KeyPair pair) {
        keyPairs.put(repo.uuid(), pair);
    }

    void deleteKeyPair(Repo repo) {
        if (keyPairs.remove(repo.uuid()) == null) {
            throw SandboxException.notFound("No SSH key pair is configured for " + repo.fullName() + ".");
        }
    }

    Registry<KnownHost> knownHosts(Repo repo) {
        return knownHosts.computeIfAbsent(repo.uuid(), k -> new Registry<>(KnownHost::uuid));
    }

    Registry<Cache> caches(Repo repo) {
        return caches.computeIfAbsent(repo.uuid(), k -> new Registry<>(Cache::uuid));
    }

    // ---- seed ----

    private void seed() {
        for (SandboxWorkspace ws : store.workspaces()) {
            if (ws.slug().equals("acme")) {
                variable(workspaceVariables(ws), ws.slug(), "AWS_REGION", "eu-west-1", false);
                variable(workspaceVariables(ws), ws.slug(), "SLACK_CHANNEL", "#builds", false);
                variable(workspaceVariables(ws), ws.slug(), "SONAR_TOKEN", "squ_4f0c2d9e8b7a6f5e4d3c2b1a0", true);
            } else {
                variable(workspaceVariables(ws), ws.slug(), "ARTIFACTORY_USER", "ci-bot", false);
                variable(workspaceVariables(ws), ws.slug(), "ARTIFACTORY_PASSWORD", "AKCp8nG7xQ2vR4tY6uI8oP0", true);
            }
            for (Repo repo : store.repositories(ws)) {
                seedRepository(repo);
            }
        }
        variable(userVariables(store.user().nickname()), "user", "PERSONAL_ACCESS_TOKEN", "pat_0a1b2c3d4e5f", true);
    }

    private void seedRepository(Repo repo) {
        String full = repo.fullName();
        Registry<SandboxVariable> repoVariables = repositoryVariables(repo);
        switch (repo.slug()) {
            case "api" -> {
                variable(repoVariables, full, "MAVEN_OPTS", "-Xmx2g", false);
                variable(repoVariables, full, "DOCKER_REGISTRY", "registry.acme.example", false);
                variable(repoVariables, full, "SIGNING_KEY", "-----BEGIN PGP PRIVATE KEY BLOCK-----", true);
            }
            case "web-app" -> variable(repoVariables, full, "NODE_ENV", "test", false);
            case "billing-service" -> variable(repoVariables, full, "GOFLAGS", "-mod=mod", false);
            case "data-pipeline" -> variable(repoVariables, full, "WAREHOUSE_DSN",
                    "postgresql://loader:secret@warehouse:5432/dw", true);
            default -> {
            }
        }

        List<String> names = List.of("Test", "Staging", "Production");
        for (int rank = 0; rank < names.size(); rank++) {
            String name = names.get(rank);
            environments(repo).add(new Environment(Ids.uuid("environment/" + full + "/" + name), name,
                    ConfigModel.slug(name), name, rank), e -> false, null);
        }
        Environment production = environments(repo).all().get(2);
        Environment staging = environments(repo).all().get(1);
        variable(environmentVariables(repo, staging.uuid()), full + "/staging", "DEPLOY_ROLE_ARN",
                "arn:aws:iam::123456789012:role/deploy-staging", false);
        variable(environmentVariables(repo, production.uuid()), full + "/production", "DEPLOY_ROLE_ARN",
                "arn:aws:iam::123456789012:role/deploy-production", false);
        variable(environmentVariables(repo, production.uuid()), full + "/production", "DATADOG_API_KEY",
                "dd_5e4f3a2b1c0d9e8f", true);

        switch (repo.slug()) {
            case "api" -> {
                Schedule nightly = schedule(repo, "nightly-security-scan", new SandboxPipelineTarget.Selector("custom",
                        "nightly-security-scan"), "0 0 2 * * ? *", true);
                executions.put(nightly.uuid(), List.of(
                        executed(store.pipeline(repo, "15")),
                        new Execution(Ids.uuid("execution/" + full + "/errored"), null,
                                "scheduled-pipeline.branch-not-found",
                                "The scheduled pipeline could not start: the branch 'main' was being force-pushed."),
                        executed(store.pipeline(repo, "20"))));
                setKeyPair(repo, keyPair(full));
                knownHosts(repo).add(new KnownHost(Ids.uuid("known-host/" + full + "/bitbucket.org"), "bitbucket.org",
                        "ssh-ed25519", BITBUCKET_HOST_KEY), h -> false, null);
                knownHosts(repo).add(new KnownHost(Ids.uuid("known-host/" + full + "/github.com"), "github.com",
                        "ssh-ed25519", GITHUB_HOST_KEY), h -> false, null);
                cache(repo, store.pipeline(repo, "25"), "maven", "~/.m2/repository", 412_337_912);
                cache(repo, store.pipeline(repo, "25"), "docker", "/var/lib/docker", 1_073_741_824);
            }
            case "web-app" -> {
                schedule(repo, "weekly-dependency-audit", new SandboxPipelineTarget.Selector("branches", "main"),
                        "0 30 6 ? * MON *", false);
                cache(repo, store.pipeline(repo, "7"), "node", "node_modules", 388_112_044);
            }
            case "billing-service" -> {
                setKeyPair(repo, keyPair(full));
                cache(repo, store.pipeline(repo, "6"), "gomod", "~/go/pkg/mod", 96_554_118);
                cache(repo, store.pipeline(repo, "6"), "docker", "/var/lib/docker", 734_003_200);
            }
            case "data-pipeline" -> {
                Schedule nightly = schedule(repo, "nightly-load", new SandboxPipelineTarget.Selector("custom",
                        "nightly-load"),
                        "0 15 1 * * ? *", true);
                executions.put(nightly.uuid(), List.of(executed(store.pipeline(repo, "5"))));
                cache(repo, store.pipeline(repo, "4"), "pip", "~/.cache/pip", 54_118_020);
            }
            default -> {
            }
        }
    }

    private static void variable(Registry<SandboxVariable> registry, String owner, String key, String value,
            boolean secured) {
        registry.add(new SandboxVariable(Ids.uuid("variable/" + owner + "/" + key), key, value, secured), v -> false,
                null);
    }

    private Schedule schedule(Repo repo, String name, SandboxPipelineTarget.Selector selector, String cron,
            boolean on) {
        Instant created = Instant.parse("2024-01-15T10:00:00Z");
        Schedule schedule = new Schedule(Ids.uuid("schedule/" + repo.fullName() + "/" + name), on, "main", selector,
                cron, created, created.plus(Duration.ofDays(30)));
        return schedules(repo).add(schedule, s -> false, null);
    }

    private static Execution executed(SandboxPipeline pipeline) {
        return new Execution(Ids.uuid("execution/" + pipeline.uuid()), pipeline.uuid(), null, null);
    }

    private void cache(Repo repo, SandboxPipeline pipeline, String name, String path, long size) {
        StepPlan step = pipeline.steps().get(0);
        caches(repo).add(new Cache(Ids.uuid("cache/" + repo.fullName() + "/" + name), pipeline.uuid(), step.uuid(),
                name, path, size, pipeline.createdOn().plus(step.duration())), c -> false, null);
    }

    /** A made-up but well-formed ed25519 key pair, derived from the repository's name. */
    private static KeyPair keyPair(String owner) {
        byte[] key = new byte[51];
        byte[] prefix = {0, 0, 0, 11, 's', 's', 'h', '-', 'e', 'd', '2', '5', '5', '1', '9', 0, 0, 0, 32};
        System.arraycopy(prefix, 0, key, 0, prefix.length);
        System.arraycopy(sha256(owner), 0, key, prefix.length, 32);
        String publicKey = "ssh-ed25519 " + Base64.getEncoder().encodeToString(key) + " pipelines@" + owner;
        String privateKey = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                + Base64.getEncoder().encodeToString(sha256(owner + "/private"))
                + "\n-----END OPENSSH PRIVATE KEY-----\n";
        return new KeyPair(privateKey, publicKey);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

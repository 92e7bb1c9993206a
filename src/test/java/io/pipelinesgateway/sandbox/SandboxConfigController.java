package io.pipelinesgateway.sandbox;

import io.pipelinesgateway.sandbox.ConfigModel.Cache;
import io.pipelinesgateway.sandbox.ConfigModel.Environment;
import io.pipelinesgateway.sandbox.ConfigModel.KeyPair;
import io.pipelinesgateway.sandbox.ConfigModel.KnownHost;
import io.pipelinesgateway.sandbox.ConfigModel.Schedule;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Pipelines configuration, stateful: variables at every level (workspace, the deprecated team alias of it,
 * repository, deployment environment, user), deployment environments, enabling Pipelines, the next build number,
 * schedules and their executions, the SSH key pair (its private key is write-only) and known hosts, and caches.
 */
@RestController
@Profile("sandbox")
@RequestMapping(SandboxWebFilter.PREFIX)
class SandboxConfigController {

    private static final Pattern VARIABLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> ENVIRONMENT_TYPES = Set.of("Test", "Staging", "Production");
    private static final String REPO = "/repositories/{workspace}/{repoSlug}";
    private static final String ENV_VARIABLES = REPO + "/deployments_config/environments/{environment}/variables";

    private final SandboxStore store;
    private final ConfigStore config;

    SandboxConfigController(SandboxStore store, ConfigStore config) {
        this.store = store;
        this.config = config;
    }

    private static Representations links(ServerHttpRequest request) {
        return Representations.forRequest(request.getURI());
    }

    // ---- variables: one implementation for every scope ----

    private static <T> SandboxJson.Page<T> list(ServerHttpRequest request, List<T> all, String page,
            String pagelen) {
        return Paging.page(all, Paging.request(page, pagelen), request.getURI());
    }

    /** Variable lists reproduce their quirk: a {@code next} link on the last page too. */
    private static SandboxJson.Page<SandboxJson.Variable> variables(ServerHttpRequest request,
            List<SandboxJson.Variable> all, String page, String pagelen) {
        return Paging.page(all, Paging.request(page, pagelen), request.getURI(), Paging.Quirk.NEXT_ON_LAST_PAGE);
    }

    private static ResponseEntity<SandboxJson.Variable> createVariable(ServerHttpRequest request,
            Registry<SandboxVariable> scope, JsonNode body, Function<SandboxVariable, SandboxJson.Variable> view) {
        JsonNode json = object(body);
        String key = text(json.path("key"));
        if (key == null || !VARIABLE_KEY.matcher(key).matches()) {
            throw SandboxException.badRequest("A variable needs a 'key' of letters, digits and underscores, not "
                    + "starting with a digit.");
        }
        String value = text(json.path("value"));
        SandboxVariable variable = new SandboxVariable("{" + UUID.randomUUID() + "}", key,
                value == null ? "" : value, json.path("secured").asBoolean(false));
        scope.add(variable, v -> v.key().equals(key),
                new SandboxException(HttpStatus.CONFLICT, "A variable with the key " + key + " already exists."));
        URI location = URI.create(trimSlash(request.getURI().toString()) + "/" + Representations.segment(variable.uuid()));
        return ResponseEntity.created(location).body(view.apply(variable));
    }

    private static SandboxJson.Variable updateVariable(Registry<SandboxVariable> scope, String uuid, JsonNode body,
            Function<SandboxVariable, SandboxJson.Variable> view) {
        JsonNode json = object(body);
        String key = text(json.path("key"));
        if (key != null && !VARIABLE_KEY.matcher(key).matches()) {
            throw SandboxException.badRequest("Invalid variable key: " + key);
        }
        if (key != null && scope.all().stream().anyMatch(v -> v.key().equals(key) && !Ids.sameUuid(v.uuid(), uuid))) {
            throw new SandboxException(HttpStatus.CONFLICT, "A variable with the key " + key + " already exists.");
        }
        Boolean secured = json.path("secured").isBoolean() ? json.path("secured").asBoolean() : null;
        // As Bitbucket: a secured variable can only be given a new value (or a new key) or be deleted, never
        // unsecured, so a 'secured: false' leaves it secured; the spec has this change answer 200 (or 404), nothing
        // else, and a secured variable's answer never holds its value.
        SandboxVariable changed = scope.replace(uuid, "Variable", v -> new SandboxVariable(v.uuid(),
                key != null ? key : v.key(),
                json.has("value") ? java.util.Objects.requireNonNullElse(text(json.path("value")), "") : v.value(),
                v.secured() || Boolean.TRUE.equals(secured)));
        return view.apply(changed);
    }

    private static String trimSlash(String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @GetMapping("/workspaces/{workspace}/pipelines-config/variables")
    SandboxJson.Page<SandboxJson.Variable> workspaceVariables(ServerHttpRequest request,
            @PathVariable String workspace, @RequestParam(required = false) String page,
            @RequestParam(required = false) String pagelen) {
        return variables(request, config.workspaceVariables(store.workspace(workspace)).all().stream()
                .map(Representations::variable).toList(), page, pagelen);
    }

    @PostMapping("/workspaces/{workspace}/pipelines-config/variables")
    ResponseEntity<SandboxJson.Variable> createWorkspaceVariable(ServerHttpRequest request,
            @PathVariable String workspace, @RequestBody(required = false) JsonNode body) {
        return createVariable(request, config.workspaceVariables(store.workspace(workspace)), body,
                Representations::variable);
    }

    @GetMapping("/workspaces/{workspace}/pipelines-config/variables/{variable}")
    SandboxJson.Variable workspaceVariable(@PathVariable String workspace, @PathVariable String variable) {
        return Representations.variable(config.workspaceVariables(store.workspace(workspace)).get(variable,
                "Variable"));
    }

    @PutMapping("/workspaces/{workspace}/pipelines-config/variables/{variable}")
    SandboxJson.Variable updateWorkspaceVariable(@PathVariable String workspace, @PathVariable String variable,
            @RequestBody(required = false) JsonNode body) {
        return updateVariable(config.workspaceVariables(store.workspace(workspace)), variable, body,
                Representations::variable);
    }

    @DeleteMapping("/workspaces/{workspace}/pipelines-config/variables/{variable}")
    ResponseEntity<Void> deleteWorkspaceVariable(@PathVariable String workspace, @PathVariable String variable) {
        config.workspaceVariables(store.workspace(workspace)).remove(variable, "Variable");
        return ResponseEntity.noContent().build();
    }

    // Teams became workspaces: the deprecated team endpoints address the workspace's variables.

    @GetMapping("/teams/{username}/pipelines_config/variables")
    SandboxJson.Page<SandboxJson.Variable> teamVariables(ServerHttpRequest request, @PathVariable String username,
            @RequestParam(required = false) String page, @RequestParam(required = false) String pagelen) {
        return workspaceVariables(request, username, page, pagelen);
    }

    @PostMapping("/teams/{username}/pipelines_config/variables")
    ResponseEntity<SandboxJson.Variable> createTeamVariable(ServerHttpRequest request, @PathVariable String username,
            @RequestBody(required = false) JsonNode body) {
        return createWorkspaceVariable(request, username, body);
    }

    @GetMapping("/teams/{username}/pipelines_config/variables/{variable}")
    SandboxJson.Variable teamVariable(@PathVariable String username, @PathVariable String variable) {
        return workspaceVariable(username, variable);
    }

    @PutMapping("/teams/{username}/pipelines_config/variables/{variable}")
    SandboxJson.Variable updateTeamVariable(@PathVariable String username, @PathVariable String variable,
            @RequestBody(required = false) JsonNode body) {
        return updateWorkspaceVariable(username, variable, body);
    }

    @DeleteMapping("/teams/{username}/pipelines_config/variables/{variable}")
    ResponseEntity<Void> deleteTeamVariable(@PathVariable String username, @PathVariable String variable) {
        return deleteWorkspaceVariable(username, variable);
    }

    @GetMapping("/users/{user}/pipelines_config/variables")
    SandboxJson.Page<SandboxJson.Variable> userVariables(ServerHttpRequest request, @PathVariable String user,
            @RequestParam(required = false) String page, @RequestParam(required = false) String pagelen) {
        return variables(request, config.userVariables(user).all().stream().map(Representations::variable).toList(),
                page, pagelen);
    }

    @PostMapping("/users/{user}/pipelines_config/variables")
    ResponseEntity<SandboxJson.Variable> createUserVariable(ServerHttpRequest request, @PathVariable String user,
            @RequestBody(required = false) JsonNode body) {
        return createVariable(request, config.userVariables(user), body, Representations::variable);
    }

    @GetMapping("/users/{user}/pipelines_config/variables/{variable}")
    SandboxJson.Variable userVariable(@PathVariable String user, @PathVariable String variable) {
        return Representations.variable(config.userVariables(user).get(variable, "Variable"));
    }

    @PutMapping("/users/{user}/pipelines_config/variables/{variable}")
    SandboxJson.Variable updateUserVariable(@PathVariable String user, @PathVariable String variable,
            @RequestBody(required = false) JsonNode body) {
        return updateVariable(config.userVariables(user), variable, body, Representations::variable);
    }

    @DeleteMapping("/users/{user}/pipelines_config/variables/{variable}")
    ResponseEntity<Void> deleteUserVariable(@PathVariable String user, @PathVariable String variable) {
        config.userVariables(user).remove(variable, "Variable");
        return ResponseEntity.noContent().build();
    }

    @GetMapping(REPO + "/pipelines_config/variables")
    SandboxJson.Page<SandboxJson.Variable> repositoryVariables(ServerHttpRequest request,
            @PathVariable String workspace, @PathVariable String repoSlug,
            @RequestParam(required = false) String page, @RequestParam(required = false) String pagelen) {
        return variables(request, config.repositoryVariables(store.repository(workspace, repoSlug)).all().stream()
                .map(Representations::variable).toList(), page, pagelen);
    }

    @PostMapping(REPO + "/pipelines_config/variables")
    ResponseEntity<SandboxJson.Variable> createRepositoryVariable(ServerHttpRequest request,
            @PathVariable String workspace, @PathVariable String repoSlug,
            @RequestBody(required = false) JsonNode body) {
        return createVariable(request, config.repositoryVariables(store.repository(workspace, repoSlug)), body,
                Representations::variable);
    }

    @GetMapping(REPO + "/pipelines_config/variables/{variable}")
    SandboxJson.Variable repositoryVariable(@PathVariable String workspace, @PathVariable String repoSlug,
            @PathVariable String variable) {
        return Representations.variable(config.repositoryVariables(store.repository(workspace, repoSlug))
                .get(variable, "Variable"));
    }

    @PutMapping(REPO + "/pipelines_config/variables/{variable}")
    SandboxJson.Variable updateRepositoryVariable(@PathVariable String workspace, @PathVariable String repoSlug,
            @PathVariable String variable, @RequestBody(required = false) JsonNode body) {
        return updateVariable(config.repositoryVariables(store.repository(workspace, repoSlug)), variable, body,
                Representations::variable);
    }

    @DeleteMapping(REPO + "/pipelines_config/variables/{variable}")
    ResponseEntity<Void> deleteRepositoryVariable(@PathVariable String workspace, @PathVariable String repoSlug,
            @PathVariable String variable) {
        config.repositoryVariables(store.repository(workspace, repoSlug)).remove(variable, "Variable");
        return ResponseEntity.noContent().build();
    }

    @GetMapping(ENV_VARIABLES)
    SandboxJson.Page<SandboxJson.Variable> environmentVariables(ServerHttpRequest request,
            @PathVariable String workspace, @PathVariable String repoSlug, @PathVariable String environment,
            @RequestParam(required = false) String page, @RequestParam(required = false) String pagelen) {
        return variables(request, config.environmentVariables(store.repository(workspace, repoSlug), environment)
                .all().stream().map(Representations::deploymentVariable).toList(), page, pagelen);
    }

    @PostMapping(ENV_VARIABLES)
    ResponseEntity<SandboxJson.Variable> createEnvironmentVariable(ServerHttpRequest request,
            @PathVariable String workspace, @PathVariable String repoSlug, @PathVariable String environment,
            @RequestBody(required = false) JsonNode body) {
        return createVariable(request, config.environmentVariables(store.repository(workspace, repoSlug),
                environment), body, Representations::deploymentVariable);
    }

    @GetMapping(ENV_VARIABLES + "/{variable}")
    SandboxJson.Variable environmentVariable(@PathVariable String workspace, @PathVariable String repoSlug,
            @PathVariable String environment, @PathVariable String variable) {
        return Representations.deploymentVariable(config.environmentVariables(store.repository(workspace, repoSlug),
                environment).get(variable, "Variable"));
    }

    @PutMapping(ENV_VARIABLES + "/{variable}")
    SandboxJson.Variable updateEnvironmentVariable(@PathVariable String workspace, @PathVariable String repoSlug,
            @PathVariable String environment, @PathVariable String variable,
            @RequestBody(required = false) JsonNode body) {
        return updateVariable(config.environmentVariables(store.repository(workspace, repoSlug), environment),
                variable, body, Representations::deploymentVariable);
    }

    @DeleteMapping(ENV_VARIABLES + "/{variable}")
    ResponseEntity<Void> deleteEnvironmentVariable(@PathVariable String workspace, @PathVariable String repoSlug,
            @PathVariable String environment, @PathVariable String variable) {
        config.environmentVariables(store.repository(workspace, repoSlug), environment).remove(variable, "Variable");
        return ResponseEntity.noContent().build();
    }

    // ---- deployment environments ----

    @GetMapping(REPO + "/environments")
    SandboxJson.Page<SandboxJson.Environment> environments(ServerHttpRequest request, @PathVariable String workspace,
            @PathVariable String repoSlug, @RequestParam(required = false) String page,
            @RequestParam(required = false) String pagelen) {
        Representations r = links(request);
        return list(request, config.environments(store.repository(workspace, repoSlug)).all().stream()
                .map(r::environment).toList(), page, pagelen);
    }

    @PostMapping(REPO + "/environments")
    ResponseEntity<SandboxJson.Environment> createEnvironment(ServerHttpRequest request,
            @PathVariable String workspace, @PathVariable String repoSlug,
            @RequestBody(required = false) JsonNode body) {
        Repo repo = store.repository(workspace, repoSlug);
        JsonNode json = object(body);
        String name = text(json.path("name"));
        if (name == null || name.isBlank()) {
            throw SandboxException.badRequest("An environment needs a 'name'.");
        }
        String type = text(json.path("environment_type").path("name"));
        type = type == null ? "Test" : type;
        if (!ENVIRONMENT_TYPES.contains(type)) {
            throw SandboxException.badRequest("Invalid environment type: " + type + " (Test, Staging or Production)");
        }
        int rank = List.of("Test", "Staging", "Production").indexOf(type);
        Environment environment = new Environment("{" + UUID.randomUUID() + "}", name.trim(),
                ConfigModel.slug(name), type, rank);
        config.environments(repo).add(environment, e -> e.name().equalsIgnoreCase(environment.name()),
                new SandboxException(HttpStatus.CONFLICT, "An environment named " + name + " already exists."));
        URI location = URI.create(trimSlash(request.getURI().toString()) + "/"
                + Representations.segment(environment.uuid()));
        return ResponseEntity.created(location).body(links(request).environment(environment));
    }

    @GetMapping(REPO + "/environments/{environment}")
    SandboxJson.Environment environment(ServerHttpRequest request, @PathVariable String workspace,
            @PathVariable String repoSlug, @PathVariable String environment) {
        return links(request).environment(config.environments(store.repository(workspace, repoSlug))
                .get(environment, "Environment"));
    }

    @DeleteMapping(REPO + "/environments/{environment}")
    ResponseEntity<Void> deleteEnvironment(@PathVariable String workspace, @PathVariable String repoSlug,
            @PathVariable String environment) {
        config.environments(store.repository(workspace, repoSlug)).remove(environment, "Environment");
        return ResponseEntity.noContent().build();
    }

    /** Applies a change to an environment; the sandbox supports renaming ({@code {"name": ...}}). */
    @PostMapping(REPO + "/environments/{environment}/changes")
    ResponseEntity<Void> changeEnvironment(@PathVariable String workspace, @PathVariable String repoSlug,
            @PathVariable String environment, @RequestBody(required = false) JsonNode body) {
        Repo repo = store.repository(workspace, repoSlug);
        String name = body == null ? null : text(body.path("name"));
        config.environments(repo).replace(environment, "Environment",
                e -> name == null || name.isBlank() ? e : e.renamed(name.trim()));
        return ResponseEntity.accepted().build();
    }

    // ---- pipelines_config and build number ----

    @GetMapping(REPO + "/pipelines_config")
    SandboxJson.PipelinesConfig pipelinesConfig(ServerHttpRequest request, @PathVariable String workspace,
            @PathVariable String repoSlug) {
        Repo repo = store.repository(workspace, repoSlug);
        return links(request).pipelinesConfig(repo, config.pipelinesEnabled(repo));
    }

    @PutMapping(REPO + "/pipelines_config")
    SandboxJson.PipelinesConfig updatePipelinesConfig(ServerHttpRequest request, @PathVariable String workspace,
            @PathVariable String repoSlug, @RequestBody(required = false) JsonNode body) {
        Repo repo = store.repository(workspace, repoSlug);
        JsonNode enabled = object(body).path("enabled");
        if (!enabled.isBoolean()) {
            throw SandboxException.badRequest("'enabled' (true or false) is required.");
        }
        config.enablePipelines(repo, enabled.asBoolean());
        return links(request).pipelinesConfig(repo, config.pipelinesEnabled(repo));
    }

    @PutMapping(REPO + "/pipelines_config/build_number")
    SandboxJson.BuildNumber updateBuildNumber(@PathVariable String workspace, @PathVariable String repoSlug,
            @RequestBody(required = false) JsonNode body) {
        Repo repo = store.repository(workspace, repoSlug);
        JsonNode next = object(body).path("next");
        if (!next.isIntegralNumber()) {
            throw SandboxException.badRequest("'next' (a whole number) is required.");
        }
        store.setNextBuildNumber(repo, next.asInt());
        return new SandboxJson.BuildNumber("pipeline_build_number", store.nextBuildNumber(repo));
    }

    // ---- schedules ----

    @GetMapping(REPO + "/pipelines_config/schedules")
    SandboxJson.Page<SandboxJson.Schedule> schedules(ServerHttpRequest request, @PathVariable String workspace,
            @PathVariable String repoSlug, @RequestParam(required = false) String page,
            @RequestParam(required = false) String pagelen) {
        return list(request, config.schedules(store.repository(workspace, repoSlug)).all().stream()
                .map(Representations::schedule).toList(), page, pagelen);
    }

    @PostMapping(REPO + "/pipelines_config/schedules")
    ResponseEntity<SandboxJson.Schedule> createSchedule(ServerHttpRequest request, @PathVariable String workspace,
            @PathVariable String repoSlug, @RequestBody(required = false) JsonNode body) {
        Repo repo = store.repository(workspace, repoSlug);
        JsonNode json = object(body);
        JsonNode target = json.path("target");
        String branch = text(target.path("ref_name"));
        if (branch == null || branch.isBlank()) {
            throw SandboxException.badRequest("A schedule needs target.ref_name (the branch to run).");
        }
        JsonNode selectorNode = target.has("selector") ? target.path("selector") : json.path("selector");
        String selectorType = text(selectorNode.path("type"));
        String pattern = text(selectorNode.path("pattern"));
        SandboxPipelineTarget.Selector selector = selectorType == null
                ? new SandboxPipelineTarget.Selector("branches", branch)
                : new SandboxPipelineTarget.Selector(selectorType, pattern);
        if (!Set.of("branches", "custom").contains(selector.type())) {
            throw SandboxException.badRequest("A schedule runs a branch or a custom pipeline, not " + selector.type());
        }
        String cron = cron(text(json.path("cron_pattern")));
        Instant now = store.now();
        Schedule schedule = new Schedule("{" + UUID.randomUUID() + "}", json.path("enabled").asBoolean(true), branch,
                selector, cron, now, now);
        config.schedules(repo).add(schedule, s -> false, null);
        URI location = URI.create(trimSlash(request.getURI().toString()) + "/"
                + Representations.segment(schedule.uuid()));
        return ResponseEntity.created(location).body(Representations.schedule(schedule));
    }

    /** Bitbucket's cron patterns are Quartz's: seconds, minutes, hours, day of month, month, day of week, year. */
    private static String cron(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw SandboxException.badRequest("A schedule needs a 'cron_pattern'.");
        }
        int fields = pattern.trim().split("\\s+").length;
        if (fields < 6 || fields > 7) {
            throw SandboxException.badRequest("Invalid cron pattern: " + pattern
                    + " (seconds minutes hours day-of-month month day-of-week [year])");
        }
        return pattern.trim();
    }

    @GetMapping(REPO + "/pipelines_config/schedules/{schedule}")
    SandboxJson.Schedule schedule(@PathVariable String workspace, @PathVariable String repoSlug,
            @PathVariable String schedule) {
        return Representations.schedule(config.schedules(store.repository(workspace, repoSlug))
                .get(schedule, "Schedule"));
    }

    @PutMapping(REPO + "/pipelines_config/schedules/{schedule}")
    SandboxJson.Schedule updateSchedule(@PathVariable String workspace, @PathVariable String repoSlug,
            @PathVariable String schedule, @RequestBody(required = false) JsonNode body) {
        JsonNode json = object(body);
        Instant now = store.now();
        Schedule changed = config.schedules(store.repository(workspace, repoSlug)).replace(schedule, "Schedule",
                s -> s.changed(json.path("enabled").asBoolean(s.enabled()),
                        json.has("cron_pattern") ? cron(text(json.path("cron_pattern"))) : s.cronPattern(), now));
        return Representations.schedule(changed);
    }

    @DeleteMapping(REPO + "/pipelines_config/schedules/{schedule}")
    ResponseEntity<Void> deleteSchedule(@PathVariable String workspace, @PathVariable String repoSlug,
            @PathVariable String schedule) {
        config.schedules(store.repository(workspace, repoSlug)).remove(schedule, "Schedule");
        return ResponseEntity.noContent().build();
    }

    @GetMapping(REPO + "/pipelines_config/schedules/{schedule}/executions")
    SandboxJson.Page<SandboxJson.ScheduleExecution> executions(ServerHttpRequest request,
            @PathVariable String workspace, @PathVariable String repoSlug, @PathVariable String schedule,
            @RequestParam(required = false) String page, @RequestParam(required = false) String pagelen) {
        Repo repo = store.repository(workspace, repoSlug);
        Representations r = links(request);
        Instant now = store.now();
        return list(request, config.executions(repo, schedule).stream()
                .map(e -> r.execution(e, e.pipelineUuid() == null ? null
                        : Timeline.at(store.pipeline(repo, e.pipelineUuid()), now)))
                .toList(), page, pagelen);
    }

    // ---- SSH ----

    @GetMapping(REPO + "/pipelines_config/ssh/key_pair")
    SandboxJson.KeyPair keyPair(@PathVariable String workspace, @PathVariable String repoSlug) {
        return Representations.keyPair(config.keyPair(store.repository(workspace, repoSlug)));
    }

    @PutMapping(REPO + "/pipelines_config/ssh/key_pair")
    SandboxJson.KeyPair updateKeyPair(@PathVariable String workspace, @PathVariable String repoSlug,
            @RequestBody(required = false) JsonNode body) {
        Repo repo = store.repository(workspace, repoSlug);
        JsonNode json = object(body);
        String privateKey = text(json.path("private_key"));
        String publicKey = text(json.path("public_key"));
        if (privateKey == null || !privateKey.contains("PRIVATE KEY")) {
            throw SandboxException.badRequest("'private_key' must be a PEM or OpenSSH private key.");
        }
        if (publicKey == null || !publicKey.startsWith("ssh-") && !publicKey.startsWith("ecdsa-")) {
            throw SandboxException.badRequest("'public_key' must be an OpenSSH public key (ssh-ed25519 ..., "
                    + "ssh-rsa ...).");
        }
        KeyPair pair = new KeyPair(privateKey, publicKey.trim());
        config.setKeyPair(repo, pair);
        return Representations.keyPair(pair);
    }

    @DeleteMapping(REPO + "/pipelines_config/ssh/key_pair")
    ResponseEntity<Void> deleteKeyPair(@PathVariable String workspace, @PathVariable String repoSlug) {
        config.deleteKeyPair(store.repository(workspace, repoSlug));
        return ResponseEntity.noContent().build();
    }

    @GetMapping(REPO + "/pipelines_config/ssh/known_hosts")
    SandboxJson.Page<SandboxJson.KnownHost> knownHosts(ServerHttpRequest request, @PathVariable String workspace,
            @PathVariable String repoSlug, @RequestParam(required = false) String page,
            @RequestParam(required = false) String pagelen) {
        return list(request, config.knownHosts(store.repository(workspace, repoSlug)).all().stream()
                .map(Representations::knownHost).toList(), page, pagelen);
    }

    @PostMapping(REPO + "/pipelines_config/ssh/known_hosts")
    ResponseEntity<SandboxJson.KnownHost> createKnownHost(ServerHttpRequest request, @PathVariable String workspace,
            @PathVariable String repoSlug, @RequestBody(required = false) JsonNode body) {
        Repo repo = store.repository(workspace, repoSlug);
        KnownHost host = knownHost("{" + UUID.randomUUID() + "}", object(body));
        config.knownHosts(repo).add(host, h -> h.hostname().equalsIgnoreCase(host.hostname()),
                new SandboxException(HttpStatus.CONFLICT, "The host " + host.hostname() + " is already known."));
        URI location = URI.create(trimSlash(request.getURI().toString()) + "/" + Representations.segment(host.uuid()));
        return ResponseEntity.created(location).body(Representations.knownHost(host));
    }

    private static KnownHost knownHost(String uuid, JsonNode json) {
        String hostname = text(json.path("hostname"));
        String keyType = text(json.path("public_key").path("key_type"));
        String key = text(json.path("public_key").path("key"));
        if (hostname == null || hostname.isBlank()) {
            throw SandboxException.badRequest("A known host needs a 'hostname'.");
        }
        if (keyType == null || key == null) {
            throw SandboxException.badRequest("A known host needs public_key.key_type and public_key.key.");
        }
        try {
            Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            throw SandboxException.badRequest("public_key.key must be base64.");
        }
        return new KnownHost(uuid, hostname.trim().toLowerCase(Locale.ROOT), keyType, key);
    }

    @GetMapping(REPO + "/pipelines_config/ssh/known_hosts/{host}")
    SandboxJson.KnownHost knownHost(@PathVariable String workspace, @PathVariable String repoSlug,
            @PathVariable String host) {
        return Representations.knownHost(config.knownHosts(store.repository(workspace, repoSlug))
                .get(host, "Known host"));
    }

    @PutMapping(REPO + "/pipelines_config/ssh/known_hosts/{host}")
    SandboxJson.KnownHost updateKnownHost(@PathVariable String workspace, @PathVariable String repoSlug,
            @PathVariable String host, @RequestBody(required = false) JsonNode body) {
        KnownHost changed = config.knownHosts(store.repository(workspace, repoSlug)).replace(host, "Known host",
                h -> knownHost(h.uuid(), object(body)));
        return Representations.knownHost(changed);
    }

    @DeleteMapping(REPO + "/pipelines_config/ssh/known_hosts/{host}")
    ResponseEntity<Void> deleteKnownHost(@PathVariable String workspace, @PathVariable String repoSlug,
            @PathVariable String host) {
        config.knownHosts(store.repository(workspace, repoSlug)).remove(host, "Known host");
        return ResponseEntity.noContent().build();
    }

    // ---- caches (note Bitbucket's spelling: pipelines-config here, pipelines_config above) ----

    @GetMapping(REPO + "/pipelines-config/caches")
    SandboxJson.Page<SandboxJson.Cache> caches(ServerHttpRequest request, @PathVariable String workspace,
            @PathVariable String repoSlug, @RequestParam(required = false) String page,
            @RequestParam(required = false) String pagelen) {
        return list(request, config.caches(store.repository(workspace, repoSlug)).all().stream()
                .map(Representations::cache).toList(), page, pagelen);
    }

    /** Deletes every version of the caches with the given name. */
    @DeleteMapping(REPO + "/pipelines-config/caches")
    ResponseEntity<Void> deleteCachesByName(@PathVariable String workspace, @PathVariable String repoSlug,
            @RequestParam(required = false) String name) {
        if (name == null || name.isBlank()) {
            throw SandboxException.badRequest("The 'name' of the caches to delete is required.");
        }
        if (config.caches(store.repository(workspace, repoSlug)).removeIf(c -> c.name().equals(name)) == 0) {
            throw SandboxException.notFound("No cache named " + name + ".");
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(REPO + "/pipelines-config/caches/{cache}")
    ResponseEntity<Void> deleteCache(@PathVariable String workspace, @PathVariable String repoSlug,
            @PathVariable String cache) {
        config.caches(store.repository(workspace, repoSlug)).remove(cache, "Cache");
        return ResponseEntity.noContent().build();
    }

    @GetMapping(REPO + "/pipelines-config/caches/{cache}/content-uri")
    SandboxJson.ContentUri cacheContentUri(ServerHttpRequest request, @PathVariable String workspace,
            @PathVariable String repoSlug, @PathVariable String cache) {
        Repo repo = store.repository(workspace, repoSlug);
        Cache found = config.caches(repo).get(cache, "Cache");
        return links(request).cacheContent(repo, found);
    }

    // ---- JSON input ----

    private static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw SandboxException.badRequest("A JSON object is required.");
        }
        return body;
    }

    private static String text(JsonNode node) {
        if (node.isString()) {
            return node.stringValue();
        }
        return node.isNumber() || node.isBoolean() ? node.asString() : null;
    }
}

package io.pipelinesgateway.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The JSON the sandbox writes, one record per Bitbucket shape. Field names follow Bitbucket's snake_case; absent
 * values are left out rather than written as null, as Bitbucket does (e.g. a running pipeline has no
 * {@code completed_on} and its state no {@code result}). Keeping the shapes here, apart from the domain model, makes
 * them easy to compare with the spec definitions they mirror.
 */
final class SandboxJson {

    private SandboxJson() {
    }

    /** A {@code link}: {@code href} and optional {@code name}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Link(String href, String name) {
        static Link to(String href) {
            return new Link(href, null);
        }
    }

    /** Bitbucket's paginated envelope ({@code paginated_*}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Page<T>(Integer size, Integer page, Integer pagelen, String next, String previous, List<T> values) {
    }

    /** The {@code error} shape of every failure. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Error(String type, Detail error) {
        /**
         * The error's message, what was wrong when the message is a generic one, and Bitbucket's key for the error
         * when it gives one.
         */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        record Detail(String message, String detail, Data data) {
        }

        /** The error's structured data: its key, such as {@code result-service.pipeline.selector-not-found}. */
        record Data(String key) {
        }

        static Error of(String message) {
            return of(message, null, null);
        }

        static Error of(String message, String detail, String key) {
            return new Error("error", new Detail(message, detail, key == null ? null : new Data(key)));
        }
    }

    /** An {@code account} ({@code user}); links limited to the names the spec allows. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Account(String type, String uuid, String displayName, String accountId, String nickname,
            String accountStatus, String createdOn, Boolean isStaff, Map<String, Object> links) {
    }

    /** A {@code workspace}; links limited to the names the spec allows. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Workspace(String type, String uuid, String name, String slug, Boolean isPrivate, String createdOn,
            Map<String, Object> links) {
    }

    /** A {@code workspace_access} of {@code /user/workspaces}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record WorkspaceAccess(String type, boolean administrator, Workspace workspace, Map<String, Object> links) {
    }

    /** A {@code project}, embedded in repositories. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Project(String type, String uuid, String key, String name, Map<String, Object> links) {
    }

    /** A repository's main branch. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Branch(String type, String name) {
    }

    /** A {@code repository}: in full from the repository endpoints, abbreviated inside pipelines. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Repository(String type, String uuid, String name, String slug, String fullName, String description,
            Boolean isPrivate, String scm, String language, Boolean hasIssues, Boolean hasWiki, String forkPolicy,
            String createdOn, String updatedOn, Long size, Account owner, Workspace workspace, Project project,
            Branch mainbranch, Map<String, Object> links) {
    }

    /** A pipeline's, stage's or result's state object: {@code type} and {@code name}, plus stage or result. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record State(String type, String name, State stage, State result) {
    }

    /** A {@code pipeline_trigger_*}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TypedName(String type, String name) {
    }

    /** A {@code commit} reference inside targets. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Commit(String type, String hash) {
        static Commit of(String hash) {
            return new Commit("commit", hash);
        }
    }

    /** A {@code pipeline_selector}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Selector(String type, String pattern) {
    }

    /** A {@code pipeline_ref_target}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RefTarget(String type, String refType, String refName, Commit commit, Selector selector) {
    }

    /** A {@code pipeline_commit_target}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CommitTarget(String type, Commit commit, Selector selector) {
    }

    /** A {@code pipeline_pullrequest_target}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PullRequestTarget(String type, String source, String destination, Commit destinationCommit,
            Commit commit, PullRequest pullrequest, Selector selector) {
    }

    /** The pull request of a pull-request target. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PullRequest(String type, Long id, String title, Boolean draft) {
    }

    /** A {@code pipeline_variable}; {@code value} left out when secured. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Variable(String type, String uuid, String key, String value, Boolean secured) {
    }

    /** Where a pipeline's configuration came from. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ConfigurationSource(String source, String uri) {
    }

    /** A {@code pipeline}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Pipeline(String type, String uuid, Integer buildNumber, Integer runNumber, Account creator,
            Repository repository, Object target, TypedName trigger, State state, String createdOn,
            String completedOn, Long buildSecondsUsed, Long durationInSeconds, List<Variable> variables,
            List<ConfigurationSource> configurationSources, Map<String, Object> links) {
    }

    /** A {@code pipeline_image}: never with its password. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Image(String name, String username, String email) {
    }

    /** A {@code pipeline_command}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Command(String name, String command) {
    }

    /** A reference to a step's pipeline. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PipelineRef(String type, String uuid) {
    }

    /**
     * A service container of a step: the sandbox's convention for discovering the log uuids of
     * {@code .../logs/{log_uuid}} (the real API leaves this undocumented).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ServiceContainer(String uuid, String name) {
    }

    /** A {@code pipeline_step}; Bitbucket spells its {@code maxTime} (minutes) in camel case. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Step(String type, String uuid, String name, String startedOn, String completedOn, State state,
            Image image, List<Command> setupCommands, List<Command> scriptCommands, Long durationInSeconds,
            Long buildSecondsUsed, Integer runNumber, @JsonProperty("maxTime") Integer maxTime,
            PipelineRef pipeline, TypedName trigger, List<ServiceContainer> serviceContainers,
            Map<String, Object> links) {
    }

    /** A step's test report summary (shape observed, the spec leaves it empty). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TestReportSummary(String type, int total, int success, int failed, int skipped, int error,
            double durationInSeconds) {
    }

    /** A test case of a step's test report. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TestCase(String type, String uuid, String name, String fullyQualifiedName, String packageName,
            String status, String duration) {
    }

    /** Why a test case failed: its message and stack trace. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TestCaseReason(String type, String message, String stackTrace) {
    }

    /** The workspace's OpenID Connect discovery document. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record OpenIdConfiguration(String issuer, String jwksUri, List<String> responseTypesSupported,
            List<String> subjectTypesSupported, List<String> idTokenSigningAlgValuesSupported,
            List<String> claimsSupported, List<String> scopesSupported) {
    }

    /** A JSON Web Key Set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KeySet(List<Key> keys) {
    }

    /** A public RSA JSON Web Key. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Key(String kty, String kid, String alg, String use, String n, String e) {
    }

    /** A {@code deployment_environment}, with the details Bitbucket adds beyond the spec's uuid and name. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Environment(String type, String uuid, String name, String slug, Integer rank, Boolean hidden,
            EnvironmentType environmentType, TypedName lock, Map<String, Object> restrictions) {
    }

    /** The kind of a deployment environment: Test, Staging or Production. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record EnvironmentType(String type, String name, Integer rank) {
    }

    /** A repository's {@code pipelines_config}: whether Pipelines is enabled. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PipelinesConfig(String type, Boolean enabled, Repository repository) {
    }

    /** A {@code pipeline_build_number}: the number the next build gets. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record BuildNumber(String type, Integer next) {
    }

    /** A {@code pipeline_schedule}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Schedule(String type, String uuid, Boolean enabled, RefTarget target, Selector selector,
            String cronPattern, String createdOn, String updatedOn) {
    }

    /** A {@code pipeline_schedule_execution_executed} or {@code _errored}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ScheduleExecution(String type, String uuid, Pipeline pipeline, PipelineError error) {
    }

    /** A {@code pipeline_error}: why a scheduled pipeline did not start. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PipelineError(String type, String key, String message) {
    }

    /** A {@code pipeline_ssh_key_pair}: the public key only, the private key is never returned. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record KeyPair(String type, String publicKey) {
    }

    /** A {@code pipeline_known_host}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record KnownHost(String type, String uuid, String hostname, PublicKey publicKey) {
    }

    /** A {@code pipeline_ssh_public_key} with its fingerprints. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PublicKey(String type, String keyType, String key, String md5Fingerprint, String sha256Fingerprint) {
    }

    /** A {@code pipeline_cache}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Cache(String type, String uuid, String pipelineUuid, String stepUuid, String name, String path,
            Long fileSizeBytes, String createdOn) {
    }

    /** A {@code pipeline_cache_content_uri}: where to download a cache. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ContentUri(String uri) {
    }

    /** The state of a commit status: how Pipelines reports a run on its commit. */
    enum CommitStatusState {
        INPROGRESS, SUCCESSFUL, FAILED, STOPPED
    }

    /**
     * A commit status as a {@code repo:commit_status_*} delivery carries it: Pipelines keeps one per run ({@code key})
     * on the commit it built, and updates its {@code state} as the run goes on.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CommitStatus(String type, String key, CommitStatusState state, String name, String description,
            String url, String refname, Commit commit, Repository repository, String createdOn, String updatedOn,
            Map<String, Object> links) {
    }

    /** The body of a {@code repo:commit_status_created} or {@code repo:commit_status_updated} delivery. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CommitStatusEvent(Account actor, Repository repository, CommitStatus commitStatus) {
    }
}

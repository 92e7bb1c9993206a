package io.pipelinesgateway.bitbucket;

/**
 * Every kind of Bitbucket resource the gateway reads or changes. Each kind carries its metric name (the
 * {@code resource} tag of {@code gateway.upstream.requests} and {@code gateway.cache.requests}, a contract), how long
 * its answers may be cached ({@link CacheClass}), and what Bitbucket's 404 means for it ({@link NotFound}), so that
 * no rule depends on how a name is spelled.
 */
public enum UpstreamResource {

    WORKSPACE("workspace", CacheClass.CONFIGURATION),
    WORKSPACE_MEMBERSHIPS("workspace_memberships", CacheClass.LISTING),
    REPOSITORY("repository", CacheClass.CONFIGURATION),
    REPOSITORIES("repositories", CacheClass.LISTING),
    PIPELINE("pipeline", CacheClass.BY_STATE),
    PIPELINES("pipelines", CacheClass.PIPELINE_LISTING),
    STOP_PIPELINE("stop_pipeline", CacheClass.LIVE),
    STEPS("steps", CacheClass.STEP_LISTING),
    STEP("step", CacheClass.BY_STATE),
    STEP_LOG("step_log", CacheClass.LOG, NotFound.ABSENCE),
    CONTAINER_LOG("container_log", CacheClass.LOG, NotFound.ABSENCE),
    TEST_REPORT("test_report", CacheClass.FINAL, NotFound.ABSENCE),
    TEST_CASES("test_cases", CacheClass.FINAL, NotFound.ABSENCE),
    TEST_CASE_REASONS("test_case_reasons", CacheClass.FINAL, NotFound.ABSENCE),
    PIPELINES_CONFIG("pipelines_config", CacheClass.CONFIGURATION, NotFound.EMPTY),
    BUILD_NUMBER("build_number", CacheClass.LIVE),
    SCHEDULES("schedules", CacheClass.CONFIGURATION),
    SCHEDULE("schedule", CacheClass.CONFIGURATION),
    SCHEDULE_EXECUTIONS("schedule_executions", CacheClass.CONFIGURATION),
    SSH_KEY_PAIR("ssh_key_pair", CacheClass.CONFIGURATION, NotFound.EMPTY),
    KNOWN_HOSTS("known_hosts", CacheClass.CONFIGURATION),
    KNOWN_HOST("known_host", CacheClass.CONFIGURATION),
    CACHES("caches", CacheClass.CONFIGURATION),
    CACHE("cache", CacheClass.LIVE),
    CACHE_CONTENT_URI("cache_content_uri", CacheClass.CONFIGURATION),
    ENVIRONMENTS("environments", CacheClass.CONFIGURATION),
    ENVIRONMENT("environment", CacheClass.LIVE),
    OIDC_CONFIGURATION("oidc_configuration", CacheClass.CONFIGURATION),
    OIDC_KEYS("oidc_keys", CacheClass.CONFIGURATION),
    WORKSPACE_VARIABLES("workspace_variables", CacheClass.CONFIGURATION),
    WORKSPACE_VARIABLE("workspace_variable", CacheClass.CONFIGURATION),
    REPOSITORY_VARIABLES("repository_variables", CacheClass.CONFIGURATION),
    REPOSITORY_VARIABLE("repository_variable", CacheClass.CONFIGURATION),
    DEPLOYMENT_VARIABLES("deployment_variables", CacheClass.CONFIGURATION),
    DEPLOYMENT_VARIABLE("deployment_variable", CacheClass.LIVE),
    TEAM_VARIABLES("team_variables", CacheClass.CONFIGURATION),
    TEAM_VARIABLE("team_variable", CacheClass.CONFIGURATION),
    USER_VARIABLES("user_variables", CacheClass.CONFIGURATION),
    USER_VARIABLE("user_variable", CacheClass.CONFIGURATION);

    /** How long an answer of a kind may be served from the cache; {@link CachePolicy} gives each class its time. */
    public enum CacheClass {
        /** Final once it exists (a test report): kept as long as completed data. */
        FINAL,
        /** Changed only when someone edits it, which evicts it. */
        CONFIGURATION,
        /** A pipeline or a step: kept long once completed, briefly while it runs. */
        BY_STATE,
        /** A pipeline's steps: kept long once every step has completed, else as a listing. */
        STEP_LISTING,
        /** A repository's pipelines: kept longer when all have completed and the repository's webhooks are seen. */
        PIPELINE_LISTING,
        /** Any other listing: kept briefly. */
        LISTING,
        /** A log: cached only once its step has completed. */
        LOG,
        /** Anything else: kept as briefly as running data. */
        LIVE
    }

    /** What Bitbucket's 404 means for a kind. */
    public enum NotFound {
        /** The thing is missing, or the credential cannot see it: NOT_FOUND to the caller. */
        ERROR,
        /**
         * "There is none" (no test report, no log yet): an answer, cached as the request's absence rule says
         * ({@link CachePolicy#absence}), which also leaves the credential's proven access to the repository alone.
         */
        ABSENCE,
        /**
         * "There is none" yet: a repository without an SSH key pair, or where Pipelines was never set up (Bitbucket
         * keeps no configuration until it is first enabled). An empty answer, kept as long as the resource's own
         * answer would be ({@link CachePolicy#absence}); the change that creates it evicts it.
         */
        EMPTY
    }

    private final String metricName;
    private final CacheClass cacheClass;
    private final NotFound notFound;

    UpstreamResource(String metricName, CacheClass cacheClass) {
        this(metricName, cacheClass, NotFound.ERROR);
    }

    UpstreamResource(String metricName, CacheClass cacheClass, NotFound notFound) {
        this.metricName = metricName;
        this.cacheClass = cacheClass;
        this.notFound = notFound;
    }

    /** The {@code resource} tag of the gateway's metrics and the name in its messages, e.g. {@code step_log}. */
    public String metricName() {
        return metricName;
    }

    public CacheClass cacheClass() {
        return cacheClass;
    }

    public NotFound notFound() {
        return notFound;
    }

    /**
     * Whether Bitbucket may answer a read of this kind with a redirect to where it keeps it: a completed step's log,
     * moved to long-term storage ({@link LogStorage}).
     */
    boolean keptInStorage() {
        return cacheClass == CacheClass.LOG;
    }

    @Override
    public String toString() {
        return metricName;
    }
}

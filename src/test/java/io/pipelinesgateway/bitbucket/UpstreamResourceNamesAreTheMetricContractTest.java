package io.pipelinesgateway.bitbucket;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code resource} tag of {@code gateway.upstream.requests} and {@code gateway.cache.requests} is a contract:
 * dashboards, the benchmark and tests read it by these names. Each kind of resource keeps the name it had when
 * kinds were strings.
 */
class UpstreamResourceNamesAreTheMetricContractTest {

    private static final Map<UpstreamResource, String> CONTRACT = Map.ofEntries(
            entry(UpstreamResource.WORKSPACE, "workspace"),
            entry(UpstreamResource.WORKSPACE_MEMBERSHIPS, "workspace_memberships"),
            entry(UpstreamResource.REPOSITORY, "repository"),
            entry(UpstreamResource.REPOSITORIES, "repositories"),
            entry(UpstreamResource.PIPELINE, "pipeline"),
            entry(UpstreamResource.PIPELINES, "pipelines"),
            entry(UpstreamResource.STOP_PIPELINE, "stop_pipeline"),
            entry(UpstreamResource.STEPS, "steps"),
            entry(UpstreamResource.STEP, "step"),
            entry(UpstreamResource.STEP_LOG, "step_log"),
            entry(UpstreamResource.CONTAINER_LOG, "container_log"),
            entry(UpstreamResource.TEST_REPORT, "test_report"),
            entry(UpstreamResource.TEST_CASES, "test_cases"),
            entry(UpstreamResource.TEST_CASE_REASONS, "test_case_reasons"),
            entry(UpstreamResource.PIPELINES_CONFIG, "pipelines_config"),
            entry(UpstreamResource.BUILD_NUMBER, "build_number"),
            entry(UpstreamResource.SCHEDULES, "schedules"),
            entry(UpstreamResource.SCHEDULE, "schedule"),
            entry(UpstreamResource.SCHEDULE_EXECUTIONS, "schedule_executions"),
            entry(UpstreamResource.SSH_KEY_PAIR, "ssh_key_pair"),
            entry(UpstreamResource.KNOWN_HOSTS, "known_hosts"),
            entry(UpstreamResource.KNOWN_HOST, "known_host"),
            entry(UpstreamResource.CACHES, "caches"),
            entry(UpstreamResource.CACHE, "cache"),
            entry(UpstreamResource.CACHE_CONTENT_URI, "cache_content_uri"),
            entry(UpstreamResource.ENVIRONMENTS, "environments"),
            entry(UpstreamResource.ENVIRONMENT, "environment"),
            entry(UpstreamResource.OIDC_CONFIGURATION, "oidc_configuration"),
            entry(UpstreamResource.OIDC_KEYS, "oidc_keys"),
            entry(UpstreamResource.WORKSPACE_VARIABLES, "workspace_variables"),
            entry(UpstreamResource.WORKSPACE_VARIABLE, "workspace_variable"),
            entry(UpstreamResource.REPOSITORY_VARIABLES, "repository_variables"),
            entry(UpstreamResource.REPOSITORY_VARIABLE, "repository_variable"),
            entry(UpstreamResource.DEPLOYMENT_VARIABLES, "deployment_variables"),
            entry(UpstreamResource.DEPLOYMENT_VARIABLE, "deployment_variable"),
            entry(UpstreamResource.TEAM_VARIABLES, "team_variables"),
            entry(UpstreamResource.TEAM_VARIABLE, "team_variable"),
            entry(UpstreamResource.USER_VARIABLES, "user_variables"),
            entry(UpstreamResource.USER_VARIABLE, "user_variable"));

    @Test
    void everyKindOfResourceIsTaggedWithTheNameItHadWhenKindsWereStrings() {
        Map<UpstreamResource, String> tagged = new TreeMap<>();
        Arrays.stream(UpstreamResource.values()).forEach(kind -> tagged.put(kind, kind.metricName()));
        assertThat(tagged).isEqualTo(new TreeMap<>(CONTRACT));
    }

    @Test
    void aKindReadsInMessagesAsItsMetricName() {
        assertThat(UpstreamResource.STEP_LOG).hasToString("step_log");
    }

    @Test
    void onlyTestReportsAndLogsTakeBitbucketsNotFoundForAnAnswerAndOnlyAnSshKeyPairOrAPipelinesConfigForNothing() {
        assertThat(Arrays.stream(UpstreamResource.values())
                .filter(kind -> kind.notFound() == UpstreamResource.NotFound.ABSENCE))
                .containsExactlyInAnyOrder(UpstreamResource.TEST_REPORT, UpstreamResource.TEST_CASES,
                        UpstreamResource.TEST_CASE_REASONS, UpstreamResource.STEP_LOG,
                        UpstreamResource.CONTAINER_LOG);
        assertThat(Arrays.stream(UpstreamResource.values())
                .filter(kind -> kind.notFound() == UpstreamResource.NotFound.EMPTY))
                .containsExactlyInAnyOrder(UpstreamResource.SSH_KEY_PAIR, UpstreamResource.PIPELINES_CONFIG);
    }
}

package io.pipelinesgateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.pipelinesgateway.cache.ResponseStore;
import io.pipelinesgateway.support.SandboxFlowSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static io.pipelinesgateway.support.TestSecrets.CHANGED_SECRET;
import static io.pipelinesgateway.support.TestSecrets.DEPLOYMENT_SECRET;
import static io.pipelinesgateway.support.TestSecrets.PRIVATE_KEY_BODY;
import static io.pipelinesgateway.support.TestSecrets.REPOSITORY_SECRET;
import static io.pipelinesgateway.support.TestSecrets.RUN_SECRET;
import static io.pipelinesgateway.support.TestSecrets.WORKSPACE_SECRET;
import static io.pipelinesgateway.support.TestSecrets.privateKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secured variable values and an SSH private key go to Bitbucket and nowhere else: through every flow that takes
 * them (a run's secured variable; secured variables created and changed at each level; the key pair) and the reads
 * after, no GraphQL response, no log line (at DEBUG for the gateway, Reactor Netty, WebClient and Spring for
 * GraphQL) and no entry of the response cache holds them. Spring's codec loggers stay at INFO: at DEBUG they would
 * show the start of each body the sandbox, standing in for Bitbucket, receives.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
    "logging.level.io.pipelinesgateway=DEBUG",
    "logging.level.reactor.netty=DEBUG",
    "logging.level.org.springframework.web.reactive.function.client=DEBUG",
    "logging.level.org.springframework.graphql=DEBUG"
})
class SecretsNeverLeakTest extends SandboxFlowSupport {

    private static final String PRIVATE_KEY = privateKey(PRIVATE_KEY_BODY);
    private static final List<String> SECRETS = List.of(RUN_SECRET, REPOSITORY_SECRET, CHANGED_SECRET,
            WORKSPACE_SECRET, DEPLOYMENT_SECRET, PRIVATE_KEY_BODY);

    private final List<String> responses = new ArrayList<>();

    @Test
    void noSecretAppearsInAResponseALogLineOrTheCache(CapturedOutput output) {
        runACustomPipelineWithASecuredVariable();
        createAndChangeSecuredVariables();
        setTheSshKeyPair();

        assertThat(String.join("\n", responses)).as("GraphQL responses")
                .contains("DEPLOY_TOKEN", "ssh-ed25519")
                .doesNotContain(SECRETS);
        assertThat(output.getAll()).as("log output")
                .contains("DEBUG")
                .doesNotContain(SECRETS);
        assertThat(RecordingStore.STORED).as("cached upstream answers").isNotEmpty()
                .allSatisfy(entry -> assertThat(entry).doesNotContain(SECRETS));
    }

    private void runACustomPipelineWithASecuredVariable() {
        String uuid = record(ok("""
                        mutation Run($input: RunPipelineInput!) {
                          runPipeline(input: $input) { pipeline { uuid variables { key value secured } } }
                        }""", "input", Map.of("workspace", "acme", "repository", "web-app",
                        "target", Map.of("ref", Map.of("refName", "main",
                                "selector", Map.of("type", "CUSTOM", "pattern", "deploy-to-staging"))),
                        "variables", List.of(Map.of("key", "DEPLOY_TOKEN", "value", RUN_SECRET, "secured", true)))))
                .path("runPipeline.pipeline.uuid").entity(String.class).get();
        record(ok("""
                query Pipeline($uuid: ID!) {
                  pipeline(workspace: "acme", repository: "web-app", uuid: $uuid) { variables { key value } }
                  repository(workspace: "acme", slug: "web-app") { pipelines(first: 5) { nodes { variables { value } } } }
                }""", "uuid", uuid));
    }

    private void createAndChangeSecuredVariables() {
        String environment = ok("""
                { repository(workspace: "acme", slug: "web-app") { deploymentEnvironments { nodes { uuid } } } }""")
                .path("repository.deploymentEnvironments.nodes[0].uuid").entity(String.class).get();
        String created = """
                mutation Create($input: CreateVariableInput!) {
                  createVariable(input: $input) { variable { id key value secured } userErrors { message } }
                }""";
        String id = record(ok(created, "input", Map.of("scope", Map.of("workspace", "acme", "repository", "web-app"),
                "key", "LEAK_CHECK_REPOSITORY", "value", REPOSITORY_SECRET, "secured", true)))
                .path("createVariable.variable.id").entity(String.class).get();
        record(ok(created, "input", Map.of("scope", Map.of("workspace", "globex"), "key", "LEAK_CHECK_WORKSPACE",
                "value", WORKSPACE_SECRET, "secured", true)));
        record(ok(created, "input", Map.of("scope", Map.of("workspace", "acme", "repository", "web-app",
                "environmentUuid", environment), "key", "LEAK_CHECK_DEPLOYMENT", "value", DEPLOYMENT_SECRET,
                "secured", true)));
        record(ok("""
                mutation Update($id: ID!, $value: String!) {
                  updateVariable(input: {id: $id, value: $value}) { variable { id value secured } }
                }""", "id", id, "value", CHANGED_SECRET));
        record(ok("""
                {
                  repository(workspace: "acme", slug: "web-app") {
                    variables { nodes { key value secured } }
                    deploymentEnvironments { nodes { variables { nodes { key value secured } } } }
                  }
                  workspace(slug: "globex") { variables { nodes { key value secured } } }
                }"""));
    }

    private void setTheSshKeyPair() {
        record(ok("""
                mutation Set($input: SetSshKeyPairInput!) {
                  setSshKeyPair(input: $input) { sshKeyPair { publicKey } userErrors { message } }
                }""", "input", Map.of("workspace", "acme", "repository", "web-app", "privateKey", PRIVATE_KEY,
                "publicKey", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILeakCheckLeakCheckLeakCheckLeakCheck flows@acme")));
        record(ok("""
                { repository(workspace: "acme", slug: "web-app") { sshKeyPair { publicKey } } }"""));
    }

    private GraphQlTester.Response record(GraphQlTester.Response response) {
        responses.add(response.returnResponse().toMap().toString());
        return response;
    }

    /** Wraps the response cache's store, whichever it is, in a {@link RecordingStore}. */
    @TestConfiguration(proxyBeanMethods = false)
    static class RecordCachedAnswers {

        @Bean
        static BeanPostProcessor recordingStore() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof ResponseStore store ? new RecordingStore(store) : bean;
                }
            };
        }
    }

    /** Keeps a copy of every upstream answer the response cache stores. */
    static class RecordingStore implements ResponseStore {

        static final List<String> STORED = new CopyOnWriteArrayList<>();

        private final ResponseStore store;

        RecordingStore(ResponseStore store) {
            this.store = store;
        }

        @Override
        public Mono<byte[]> get(String key) {
            return store.get(key);
        }

        @Override
        public Mono<List<Optional<byte[]>>> getAll(List<String> keys) {
            return store.getAll(keys);
        }

        @Override
        public Mono<Void> write(Write write) {
            STORED.add(new String(write.value(), StandardCharsets.UTF_8));
            return store.write(write);
        }

        @Override
        public Mono<Void> evict(String index, String keyPrefix) {
            return store.evict(index, keyPrefix);
        }

        @Override
        public Mono<Claim> readOrLock(String key, String lock, Duration ttl) {
            return store.readOrLock(key, lock, ttl);
        }

        @Override
        public Mono<Void> unlock(String key) {
            return store.unlock(key);
        }

        @Override
        public Mono<Void> ping() {
            return store.ping();
        }

        @Override
        public String kind() {
            return store.kind();
        }
    }
}

package io.pipelinesgateway.repository;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pipelinesgateway.support.MutationTestSupport;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.API_ROOT;
import static io.pipelinesgateway.support.Fixtures.encoded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bitbucket takes a workspace's and a repository's UUID in a path where it takes their slugs, but the gateway keeps
 * what it reads, and its watchers follow repositories, by slugs. A change whose input names a repository (or a
 * workspace) by UUID is therefore made at the path of its slugs, learnt from one cached read of it, so that it forgets
 * what readers by slug hold ({@code AChangeByUuidsForgetsWhatReadersBySlugsKeepTest}) and its answer has the IDs a
 * change by slugs has. A change by slugs reads nothing first.
 */
class AChangeNamingARepositoryByItsUuidsIsMadeByItsSlugsTest extends MutationTestSupport {

    /** The UUIDs of {@code acme} and {@code acme/api}, as {@code repository-api.json} answers them. */
    private static final String WORKSPACE_UUID = "{3f2a5d1e-8c4b-4e7a-9b1d-2c6e8f0a1b2c}";
    private static final String REPOSITORY_UUID = "{7d9e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a}";
    private static final String SLUG_PATH = "/repositories/acme/api";

    /**
     * A change that names a repository, its document (the workspace as {@code %1$s}, the repository as {@code %2$s}),
     * and how Bitbucket answers it at the repository's slug path.
     */
    record Change(String mutation, String document, Consumer<AChangeNamingARepositoryByItsUuidsIsMadeByItsSlugsTest>
            answered) {

        @Override
        public String toString() {
            return mutation;
        }
    }

    static Stream<Change> changes() {
        return Stream.of(
                new Change("runPipeline", """
                        mutation { runPipeline(input: {workspace: "%1$s", repository: "%2$s",
                            target: {ref: {refName: "main"}}}) { pipeline { id } userErrors { message } } }""",
                        test -> test.given("pipeline-run-pending.json")),
                new Change("createVariable", """
                        mutation { createVariable(input: {scope: {workspace: "%1$s", repository: "%2$s"},
                            key: "DEPLOY_REGION", value: "eu-west-1"}) { variable { id } userErrors { message } } }""",
                        test -> test.given("repository-variable-created.json")),
                new Change("createVariable in an environment", """
                        mutation { createVariable(input: {scope: {workspace: "%1$s", repository: "%2$s",
                            environmentUuid: "{7a8b9c0d-1e2f-4a3b-8c4d-6e7f8091a2b3}"}, key: "DB_PASSWORD",
                            value: "s3cret", secured: true}) { variable { id } userErrors { message } } }""",
                        test -> test.given("deployment-variable-created.json")),
                new Change("createSchedule", """
                        mutation { createSchedule(input: {workspace: "%1$s", repository: "%2$s",
                            cronPattern: "0 0 2 * * ? *", target: {branch: "main", selector: {type: BRANCHES,
                            pattern: "main"}}}) { schedule { id } userErrors { message } } }""",
                        test -> test.given("schedule-created.json")),
                new Change("createKnownHost", """
                        mutation { createKnownHost(input: {workspace: "%1$s", repository: "%2$s",
                            hostname: "git.acme.example", publicKey: {keyType: "ssh-ed25519", key: "AAAA"}}) {
                            knownHost { id } userErrors { message } } }""",
                        test -> test.given("known-host-created.json")),
                new Change("setSshKeyPair", """
                        mutation { setSshKeyPair(input: {workspace: "%1$s", repository: "%2$s",
                            privateKey: "-----BEGIN OPENSSH PRIVATE KEY-----", publicKey: "ssh-ed25519 AAAA"}) {
                            sshKeyPair { publicKey } userErrors { message } } }""",
                        test -> test.given("ssh-key-pair-saved.json")),
                new Change("deleteSshKeyPair", """
                        mutation { deleteSshKeyPair(input: {workspace: "%1$s", repository: "%2$s"}) {
                            deleted userErrors { message } } }""",
                        test -> test.stubNoContent(delete(urlEqualTo(API_ROOT + SLUG_PATH
                                + "/pipelines_config/ssh/key_pair")))),
                new Change("setNextBuildNumber", """
                        mutation { setNextBuildNumber(input: {workspace: "%1$s", repository: "%2$s", next: 500}) {
                            nextBuildNumber userErrors { message } } }""",
                        test -> test.given("build-number.json")),
                new Change("setPipelinesEnabled", """
                        mutation { setPipelinesEnabled(input: {workspace: "%1$s", repository: "%2$s", enabled: true})
                            { pipelinesConfiguration { enabled } userErrors { message } } }""",
                        test -> test.stub(put(urlEqualTo(API_ROOT + SLUG_PATH + "/pipelines_config")), 200,
                                "pipelines-config.json")),
                new Change("deleteCache", """
                        mutation { deleteCache(input: {workspace: "%1$s", repository: "%2$s",
                            uuid: "{9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b}"}) { deleted userErrors { message } } }""",
                        test -> test.stubNoContent(delete(urlEqualTo(API_ROOT + SLUG_PATH
                                + "/pipelines-config/caches/%7B9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b%7D")))),
                new Change("deleteCachesByName", """
                        mutation { deleteCachesByName(input: {workspace: "%1$s", repository: "%2$s", name: "node"}) {
                            deleted userErrors { message } } }""",
                        test -> test.stubNoContent(delete(urlEqualTo(API_ROOT + SLUG_PATH
                                + "/pipelines-config/caches?name=node")))));
    }

    private void givenTheRepositoryByItsUuids() {
        bitbucket.stubFor(get(urlPathEqualTo(API_ROOT + "/repositories/" + encoded(WORKSPACE_UUID) + "/"
                + encoded(REPOSITORY_UUID))).willReturn(Payloads.response("repository-api.json")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aChangeNamingTheRepositoryByItsUuidsIsSentToThePathOfItsSlugs(Change change) {
        givenTheRepositoryByItsUuids();
        change.answered().accept(this);

        graphQl.document(change.document().formatted(WORKSPACE_UUID, REPOSITORY_UUID)).execute().errors().verify();

        List<LoggedRequest> requests = upstreamRequests();
        assertThat(requests).filteredOn(request -> !request.getMethod().getName().equals("GET"))
                .singleElement()
                .satisfies(sent -> assertThat(sent.getUrl()).startsWith(API_ROOT + SLUG_PATH + "/"));
        assertThat(requests).as("only the repository itself is read by its UUIDs, once")
                .filteredOn(request -> request.getUrl().contains(encoded(REPOSITORY_UUID)))
                .singleElement()
                .satisfies(read -> assertThat(read.getMethod().getName()).isEqualTo("GET"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aChangeNamingTheRepositoryByItsSlugsReadsNothingFirst(Change change) {
        change.answered().accept(this);

        graphQl.document(change.document().formatted("acme", "api")).execute().errors().verify();

        assertThat(upstreamRequests()).singleElement()
                .satisfies(sent -> assertThat(sent.getMethod().getName()).isNotEqualTo("GET"));
    }
}

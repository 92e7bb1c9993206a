package io.pipelinesgateway.pipelinecache;

import io.pipelinesgateway.support.MutationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.API_ROOT;

/** A repository's dependency caches are listed with their content URIs, and deleted by UUID or by name. */
class PipelineCacheTest extends MutationTestSupport {

    private static final String CACHES = API_ROOT + "/repositories/acme/api/pipelines-config/caches";
    private static final String CACHE = CACHES + "/%7Bbe1f2a3b-4c5d-4e6f-9071-a2b3c4d5e6f7%7D";

    @Test
    void cachesAreListedWithTheirContentUri() {
        given("repository-api.json");
        stub(get(urlPathEqualTo(CACHES + "/")), 200, "caches.json");
        stub(get(urlEqualTo(CACHE + "/content-uri")), 200, "cache-content-uri.json");

        GraphQlTester.Response response = graphQl.document("""
                        { repository(workspace: "acme", slug: "api") {
                            caches { nodes { uuid name path fileSizeBytes createdOn contentUri } } } }""")
                .execute();

        response.errors().verify();
        response.path("repository.caches.nodes[0].name").entity(String.class).isEqualTo("node");
        response.path("repository.caches.nodes[0].fileSizeBytes").entity(Integer.class).isEqualTo(73400320);
        response.path("repository.caches.nodes[0].contentUri").entity(String.class)
                .isEqualTo("https://bbci-caches.example/acme/api/node.tar.gz?signature=short-lived");
    }

    @Test
    void aCacheIsDeletedByItsUuid() {
        stubNoContent(delete(urlEqualTo(CACHE)));

        GraphQlTester.Response response = graphQl.document("""
                        mutation { deleteCache(input: {workspace: "acme", repository: "api",
                                                       uuid: "be1f2a3b-4c5d-4e6f-9071-a2b3c4d5e6f7"}) { deleted } }""")
                .execute();

        response.errors().verify();
        response.path("deleteCache.deleted").entity(Boolean.class).isEqualTo(true);
        bitbucket.verify(1, deleteRequestedFor(urlEqualTo(CACHE)).withRequestBody(absent()));
    }

    @Test
    void everyVersionOfACacheIsDeletedByItsName() {
        stubNoContent(delete(urlEqualTo(CACHES + "?name=node")));

        GraphQlTester.Response response = graphQl.document("""
                        mutation { deleteCachesByName(input: {workspace: "acme", repository: "api", name: "node"}) {
                          deleted } }""")
                .execute();

        response.errors().verify();
        response.path("deleteCachesByName.deleted").entity(Boolean.class).isEqualTo(true);
        bitbucket.verify(1, deleteRequestedFor(urlEqualTo(CACHES + "?name=node")).withRequestBody(absent()));
    }

    @Test
    void aMalformedCacheUuidIsRejectedBeforeBitbucket() {
        GraphQlTester.Response response = graphQl.document("""
                        mutation { deleteCache(input: {workspace: "acme", repository: "api", uuid: "node"}) {
                          deleted } }""")
                .execute();

        assertRejectedBeforeBitbucket(response, "input", "uuid");
    }
}

package io.pipelinesgateway.bitbucket;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.pipelinesgateway.support.FakeBitbucket;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.badRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bitbucket documents pages of up to 100 items, and some of its endpoints serve fewer: some answer a page length of
 * 100 with pages of 10 (their {@code pagelen} says so), others refuse it ({@code 400} "Invalid pagelen"). Paging by
 * number in the length asked would then stop after the first page, or fail: the gateway learns the length the
 * endpoint serves from its first answer and pages in it, so every item is read, and later reads ask it at once. What
 * a gateway learned lasts as long as it does: each test has a gateway of its own.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ListingsAreReadInThePageLengthBitbucketServesTest extends GatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REPOSITORIES = FakeBitbucket.api("/repositories/acme");

    @Test
    void aListingServedInShorterPagesThanAskedIsReadWholeInThem() {
        given("workspace-acme.json");
        List<JsonNode> repositories = repositories(25);
        for (int page = 1; page <= 3; page++) {
            // Whatever length is asked: pages of 10, as Bitbucket's answer says.
            bitbucket.stubFor(get(urlPathEqualTo(REPOSITORIES)).withQueryParam("page", equalTo(String.valueOf(page)))
                    .willReturn(okJson(page(repositories, page, 10))));
        }

        graphQl.document("""
                        { workspace(slug: "acme") { repositories(first: 50) { totalCount pageInfo { hasNextPage }
                            nodes { slug } } } }
                        """)
                .execute()
                .path("workspace.repositories.totalCount").entity(Integer.class).isEqualTo(25)
                .path("workspace.repositories.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("workspace.repositories.nodes[*].slug").entityList(String.class).containsExactly(slugs(25));

        bitbucket.verify(exactly(1), getOf("/repositories/acme").withQueryParam("pagelen", equalTo("100")));
        for (String page : List.of("1", "2", "3")) {
            bitbucket.verify(exactly(1), getOf("/repositories/acme").withQueryParam("page", equalTo(page))
                    .withQueryParam("pagelen", equalTo("10")));
        }
    }

    @Test
    void aRefusedPageLengthIsAskedShorterAndRememberedForTheNextListing() {
        given("workspace-acme.json");
        List<JsonNode> repositories = repositories(60);
        bitbucket.stubFor(get(urlPathEqualTo(REPOSITORIES)).withQueryParam("pagelen", equalTo("100"))
                .willReturn(badRequest().withHeader("Content-Type", "application/json")
                        .withBody("{\"type\": \"error\", \"error\": {\"message\": \"Invalid pagelen\"}}")));
        for (int page = 1; page <= 2; page++) {
            bitbucket.stubFor(get(urlPathEqualTo(REPOSITORIES)).withQueryParam("pagelen", equalTo("50"))
                    .withQueryParam("page", equalTo(String.valueOf(page)))
                    .willReturn(okJson(page(repositories, page, 50))));
        }

        for (String name : List.of("", "repo")) {
            graphQl.document("""
                            query($name: String) { workspace(slug: "acme") {
                              repositories(first: 100, name: $name) { totalCount nodes { slug } } } }
                            """)
                    .variable("name", name)
                    .execute()
                    .path("workspace.repositories.totalCount").entity(Integer.class).isEqualTo(60)
                    .path("workspace.repositories.nodes[*].slug").entityList(String.class).containsExactly(slugs(60));
        }

        // The refusal once; the second listing (another query) asked 50 at once.
        bitbucket.verify(exactly(1), getOf("/repositories/acme").withQueryParam("pagelen", equalTo("100")));
        bitbucket.verify(exactly(4), getOf("/repositories/acme").withQueryParam("pagelen", equalTo("50")));
    }

    /** {@code count} repositories shaped like Bitbucket's (acme's first one), named repo-01 and on. */
    private static List<JsonNode> repositories(int count) {
        JsonNode real = JSON.readTree(Payloads.text("repositories-acme.json")).path("values").get(0);
        List<JsonNode> repositories = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            ObjectNode repository = (ObjectNode) real.deepCopy();
            String slug = String.format("repo-%02d", n);
            repository.put("slug", slug).put("name", slug).put("full_name", "acme/" + slug)
                    .put("uuid", String.format("{7d9e1f2a-3b4c-4d5e-8f6a-7b8c9d0e%04d}", n));
            repositories.add(repository);
        }
        return repositories;
    }

    /** Page {@code number} of {@code length} items, as Bitbucket serves it. */
    private static String page(List<JsonNode> items, int number, int length) {
        ObjectNode page = JSON.createObjectNode().put("page", number).put("pagelen", length).put("size", items.size());
        page.putArray("values").addAll(items.subList(Math.min(items.size(), (number - 1) * length),
                Math.min(items.size(), number * length)));
        return page.toString();
    }

    private static String[] slugs(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> String.format("repo-%02d", n)).toArray(String[]::new);
    }
}

package io.pipelinesgateway.pipelinecache;

import java.util.List;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.repository.RepositoryService;
import io.pipelinesgateway.support.ControllerSliceTest;
import io.pipelinesgateway.support.RepositoryEntryPoint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static io.pipelinesgateway.support.RepositoryEntryPoint.API;
import static io.pipelinesgateway.support.RepositoryEntryPoint.REPOSITORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * {@code PipelineCacheController} alone (Pipelines' build caches, not the gateway's response cache): a repository's
 * caches page the service's list by their arguments, and a cache's content URI is the service's answer for that cache
 * alone, its failure coded and local to the field.
 */
@ControllerSliceTest
@Import({PipelineCacheController.class, RepositoryEntryPoint.class})
class PipelineCacheFieldsMapToTheServiceTest {

    private static final PipelineCache GRADLE = new PipelineCache(API, "{c}", "gradle", "~/.gradle/caches", null,
            null, null, 2048L, null);
    private static final PipelineCache NODE = new PipelineCache(API, "{d}", "node", "node_modules", null, null, null,
            1024L, null);

    @Autowired
    private GraphQlTester graphQl;

    @MockitoBean
    private PipelineCacheService caches;

    @MockitoBean
    private RepositoryService repositories;

    @Test
    void aRepositorysCachesArePagedByTheirArgumentsAndEachContentUriIsReadForItsCache() {
        when(caches.caches(any(), any())).thenReturn(Mono.just(Connection.ofList(List.of(GRADLE, NODE),
                PageRequest.of(2, null))));
        when(caches.contentUri(GRADLE)).thenReturn(Mono.just("https://bbuseruploads.example/gradle.tar.gz"));
        when(caches.contentUri(NODE)).thenReturn(Mono.error(new GatewayException(ErrorCode.NOT_FOUND,
                "The cache expired.")));

        graphQl.document(REPOSITORY.replace("FIELDS", "caches(first: 2) { nodes { name contentUri } }"))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getPath()).isEqualTo("repository.caches.nodes[1].contentUri");
                    assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND");
                }))
                .path("repository.caches.nodes[0].contentUri").entity(String.class)
                .isEqualTo("https://bbuseruploads.example/gradle.tar.gz")
                .path("repository.caches.nodes[1].name").entity(String.class).isEqualTo("node");

        verify(caches).caches(API, PageRequest.of(2, null));
    }
}

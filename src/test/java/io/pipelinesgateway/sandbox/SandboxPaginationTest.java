package io.pipelinesgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinesgateway.sandbox.SandboxHttp.Reply;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Lists page like Bitbucket's, quirks included: pipeline lists sometimes omit {@code next} although more pages exist
 * and variable lists sometimes carry it on their last page, so a client must page by number until it has {@code size}
 * items; pipelines sort oldest first unless asked for {@code -created_on}, and filter by state, stage or result.
 */
class SandboxPaginationTest extends SandboxHttpTest {

    private static final String PIPELINES = "/repositories/acme/api/pipelines/";

    @Test
    void pagingByNumberAgainstSizeReachesEveryPipelineExactlyOnceThoughNextIsSometimesMissing() {
        int pagelen = 4;
        Reply first = http.get(PIPELINES + "?pagelen=" + pagelen).conforms();
        int size = first.json().path("size").asInt();
        assertThat(size).isGreaterThanOrEqualTo(30);
        assertThat(first.json().has("next")).isTrue();

        List<String> seen = new ArrayList<>();
        boolean nextMissingBeforeTheEnd = false;
        for (int page = 1; (page - 1) * pagelen < size; page++) {
            JsonNode body = http.get(PIPELINES + "?pagelen=" + pagelen + "&page=" + page).conforms().json();
            assertThat(body.path("page").asInt()).isEqualTo(page);
            body.path("values").values().forEach(p -> seen.add(p.path("uuid").asString()));
            boolean last = page * pagelen >= size;
            nextMissingBeforeTheEnd |= !last && !body.has("next");
            if (last) {
                assertThat(body.has("next")).isFalse();
            }
            if (page > 1) {
                assertThat(body.path("previous").asString()).contains("page=" + (page - 1));
            }
        }
        assertThat(nextMissingBeforeTheEnd).as("the quirk: next missing on a page that is not the last").isTrue();
        assertThat(seen).hasSize(size).doesNotHaveDuplicates();
    }

    @Test
    void variableListsCarryANextLinkEvenOnTheirLastPageSoClientsMustStopAtSize() {
        JsonNode last = http.get("/workspaces/acme/pipelines-config/variables?pagelen=100").conforms().json();
        assertThat(last.path("values").size()).isEqualTo(last.path("size").asInt());
        String next = last.path("next").asString();
        assertThat(next).as("the quirk: next on the last page").contains("page=2");
        JsonNode beyond = http.get(next.substring(next.indexOf(SandboxHttp.ROOT) + SandboxHttp.ROOT.length()))
                .conforms().json();
        assertThat(beyond.path("values").size()).isZero();
        assertThat(beyond.has("next")).isFalse();
    }

    @Test
    void nextLinksKeepTheQueryAndPointAtTheFollowingPage() {
        JsonNode body = http.get(PIPELINES + "?pagelen=5&sort=-created_on&status=SUCCESSFUL").json();
        String next = body.path("next").asString();
        assertThat(next).contains("/sandbox/2.0/repositories/acme/api/pipelines").contains("pagelen=5")
                .contains("sort=-created_on").contains("status=SUCCESSFUL").contains("page=2");
    }

    @Test
    void pipelinesComeOldestFirstByDefaultAndNewestFirstWhenSortedByMinusCreatedOn() {
        List<JsonNode> oldestFirst = http.get(PIPELINES + "?pagelen=100").values();
        List<JsonNode> newestFirst = http.get(PIPELINES + "?pagelen=100&sort=-created_on").conforms().values();
        assertThat(createdOn(oldestFirst)).isSorted();
        List<OffsetDateTime> descending = createdOn(newestFirst);
        List<OffsetDateTime> reversed = new ArrayList<>(descending);
        java.util.Collections.reverse(reversed);
        assertThat(reversed).isSorted();
        assertThat(newestFirst.get(0).path("build_number").asInt()).isEqualTo(30);
        assertThat(oldestFirst.get(0).path("build_number").asInt()).isEqualTo(1);
        assertThat(createdOn(http.get(PIPELINES + "?pagelen=100&sort=created_on").values())).isSorted();
    }

    private static List<OffsetDateTime> createdOn(List<JsonNode> pipelines) {
        return pipelines.stream().map(p -> OffsetDateTime.parse(p.path("created_on").asString())).toList();
    }

    @Test
    void theStatusFilterMatchesResultsStagesAndStatesAndIsRepeatable() {
        assertThat(results(PIPELINES + "?pagelen=100&status=FAILED")).containsOnly("FAILED").hasSize(4);
        assertThat(results(PIPELINES + "?pagelen=100&status=STOPPED")).containsOnly("STOPPED").hasSize(2);
        assertThat(results(PIPELINES + "?pagelen=100&status=EXPIRED")).containsExactly("EXPIRED");
        assertThat(states(PIPELINES + "?status=PAUSED&status=HALTED")).containsExactly("PAUSED", "HALTED");
        assertThat(states(PIPELINES + "?status=IN_PROGRESS")).containsExactly("PAUSED", "HALTED", "RUNNING");
        assertThat(states(PIPELINES + "?status=RUNNING")).containsExactly("RUNNING");
        assertThat(states(PIPELINES + "?status=PENDING")).containsExactly("PENDING");
        Reply invalid = http.get(PIPELINES + "?status=SLEEPING");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("type").asString()).isEqualTo("error");
    }

    private List<String> results(String path) {
        return http.get(path).conforms().values().stream()
                .map(p -> p.path("state").path("result").path("name").asString()).toList();
    }

    private List<String> states(String path) {
        return http.get(path).conforms().values().stream().map(p -> {
            JsonNode state = p.path("state");
            return state.has("stage") ? state.path("stage").path("name").asString() : state.path("name").asString();
        }).toList();
    }

    @Test
    void repositoriesFilterByNameContainingTextIgnoringCaseAndSort() {
        List<String> names = http.get("/repositories/acme?q=name~%22AP%22&sort=-name").conforms().values().stream()
                .map(r -> r.path("name").asString()).toList();
        assertThat(names).containsExactly("web-app", "api");
        assertThat(http.get("/repositories/globex?q=name~%22mobile%22").values()).hasSize(1);
        assertThat(http.get("/repositories/globex?sort=created_on").values()).extracting(r -> r.path("slug")
                .asString()).containsExactly("billing-service", "mobile-app", "data-pipeline");
    }

    @Test
    void pagelenIsCappedAt100AndDefaultsTo10() {
        assertThat(http.get(PIPELINES).json().path("pagelen").asInt()).isEqualTo(10);
        assertThat(http.get(PIPELINES).values()).hasSize(10);
        Reply tooLong = http.get(PIPELINES + "?pagelen=101");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("error").path("message").asString()).contains("pagelen");
    }

    @Test
    void pathsWorkWithAndWithoutATrailingSlash() {
        Set<Integer> statuses = new HashSet<>();
        for (String path : List.of("/repositories/acme/api/pipelines", "/repositories/acme/api/pipelines/",
                "/user/workspaces/", "/repositories/acme/", "/repositories/acme/api/pipelines/1/steps")) {
            statuses.add(http.get(path).status());
        }
        assertThat(statuses).containsExactly(200);
    }
}

package io.pipelinesgateway.graphiql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.SandboxFlowSupport;
import io.pipelinesgateway.support.Subscriptions;
import io.pipelinesgateway.watch.Watchers;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every GraphiQL tab works on a fresh sandbox: each query of {@code examples/} (listed, so a new one is covered),
 * run with the variables of its {@code # Variables:} line, answers without errors and with something in each list it
 * asks for (an example whose build has no failed tests, or whose window holds no pipeline, shows nothing); each
 * subscription, over a real WebSocket, gets at least one event without errors. Subscriptions start first, so the
 * runs the mutations start are among what they see.
 */
class EveryExampleAnswersDataOnTheSandboxTest extends SandboxFlowSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Lists empty when all is well: a payload's refusals, and flaky tests (the sandbox builds no commit twice). */
    private static final Set<String> EMPTY_WHEN_ALL_IS_WELL = Set.of("userErrors", "flakyTests");

    @LocalServerPort
    int port;

    @Autowired
    Watchers watchers;

    @Test
    void everyExampleAnswersDataWithItsOwnVariables() {
        List<ExampleTab> examples = ExampleTab.load();
        assertThat(examples).hasSizeGreaterThan(5);
        Map<String, Recorder<JsonNode>> subscriptions = new LinkedHashMap<>();
        try {
            for (ExampleTab example : examples) {
                OperationDefinition operation = operation(example);
                if (operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
                    subscriptions.put(example.name(), Recorder.record(Subscriptions.WEB_SOCKET.subscribe(
                            "http://localhost:" + port, AUTHORIZATION, example.query(), variables(example),
                            topField(operation))));
                    await().atMost(WAIT).until(() -> watchers.pollsHere(watched(example)) >= 1);
                }
            }
            assertThat(subscriptions).as("the examples include subscriptions").isNotEmpty();

            SoftAssertions softly = new SoftAssertions();
            for (ExampleTab example : examples) {
                if (!subscriptions.containsKey(example.name())) {
                    softly.check(() -> {
                        GraphQlTester.Response response = graphQl.document(example.query())
                                .variables(variables(example)).execute();
                        response.errors().verify();
                        JsonNode data = JSON.valueToTree(response.returnResponse().getData());
                        assertThat(emptyLists(data)).as("%s answers something in each list: %s", example.name(),
                                data).isEmpty();
                    });
                }
            }
            subscriptions.forEach((name, events) -> softly.check(() -> {
                await().atMost(WAIT).until(() -> !events.items().isEmpty() || events.error() != null);
                assertThat(events.error()).as("%s ends with no error", name).isNull();
                JsonNode event = events.items().get(0);
                assertThat(event.isObject() && !event.isEmpty()).as("%s's first event: %s", name, event).isTrue();
            }));
            softly.assertAll();
        }
        finally {
            subscriptions.values().forEach(Recorder::close);
        }
    }

    private static OperationDefinition operation(ExampleTab example) {
        Document document = Parser.parse(example.query());
        return document.getDefinitionsOfType(OperationDefinition.class).get(0);
    }

    private static String topField(OperationDefinition operation) {
        return operation.getSelectionSet().getSelectionsOfType(Field.class).get(0).getName();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(ExampleTab example) {
        assertThat(example.variables()).as("%s has a # Variables: line", example.name()).isNotNull();
        return JSON.readValue(example.variables(), Map.class);
    }

    /** The repository a subscription example watches: its variables name it, or the step it follows. */
    private static RepositoryKey watched(ExampleTab example) {
        JsonNode variables = JSON.readTree(example.variables());
        JsonNode coordinates = variables.has("step") ? variables.path("step") : variables;
        return new RepositoryKey(coordinates.path("workspace").asString(), coordinates.path("repository").asString());
    }

    /** The paths of the lists (indices left out) of which no occurrence in {@code data} holds an item. */
    private static Set<String> emptyLists(JsonNode data) {
        Set<String> lists = new LinkedHashSet<>();
        Set<String> filled = new LinkedHashSet<>();
        collectLists(data, "", lists, filled);
        lists.removeAll(filled);
        return lists;
    }

    private static void collectLists(JsonNode node, String path, Set<String> lists, Set<String> filled) {
        if (node.isArray()) {
            if (!EMPTY_WHEN_ALL_IS_WELL.contains(path.substring(path.lastIndexOf('.') + 1))) {
                lists.add(path);
                if (!node.isEmpty()) {
                    filled.add(path);
                }
            }
            node.forEach(item -> collectLists(item, path, lists, filled));
        }
        else if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            names.forEach(name -> collectLists(node.path(name), path + "." + name, lists, filled));
        }
    }
}

package io.pipelinesgateway.node;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import io.pipelinesgateway.bitbucket.BitbucketProperties;
import io.pipelinesgateway.bitbucket.Uuids;
import io.pipelinesgateway.environment.EnvironmentService;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.pipeline.PipelineKey;
import io.pipelinesgateway.pipeline.PipelineService;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.repository.RepositoryService;
import io.pipelinesgateway.schedule.ScheduleService;
import io.pipelinesgateway.ssh.SshService;
import io.pipelinesgateway.step.StepKey;
import io.pipelinesgateway.step.StepService;
import io.pipelinesgateway.testreport.TestCaseKey;
import io.pipelinesgateway.testreport.TestReportService;
import io.pipelinesgateway.variable.VariableService;
import io.pipelinesgateway.workspace.WorkspaceService;
import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import graphql.schema.DataFetchingEnvironment;

/**
 * Resolves global IDs again ({@code node}, {@code nodes}) through the same DataLoaders as every other field, so an
 * object named twice costs one upstream call.
 * <p>
 * GraphQL dispatches a field's DataLoaders once, after the field's fetcher returned: a load queued later is never
 * dispatched and its answer never comes. So {@code nodes} queues the load of every ID while its fetcher runs, and
 * only the reads that go around the DataLoaders (test cases, variables, ...) are left to run a bounded number at once.
 */
@Controller
class NodeController {

    private static final Pattern BUILD_NUMBER = Pattern.compile("[1-9][0-9]{0,9}");

    private final TestReportService testReports;
    private final VariableService variables;
    private final EnvironmentService environments;
    private final ScheduleService schedules;
    private final SshService ssh;
    private final NodeProperties properties;

    NodeController(TestReportService testReports, VariableService variables, EnvironmentService environments,
            ScheduleService schedules, SshService ssh, NodeProperties properties) {
        this.testReports = testReports;
        this.variables = variables;
        this.environments = environments;
        this.schedules = schedules;
        this.ssh = ssh;
        this.properties = properties;
    }

    @QueryMapping
    Mono<Object> node(@Argument String id, DataFetchingEnvironment environment) {
        return resolve(id, environment);
    }

    @QueryMapping
    Mono<List<Object>> nodes(@Argument List<String> ids, DataFetchingEnvironment environment) {
        if (ids.size() > properties.maxIds()) {
            throw new GatewayException(ErrorCode.BAD_USER_INPUT, "'ids' holds " + ids.size() + " IDs; nodes takes at "
                    + "most " + properties.maxIds() + " (gateway.nodes.max-ids): ask for the rest in another request.");
        }
        // Every DataLoader load is queued here, before the dispatch; a Mono that reads around them waits to be run.
        List<Mono<Optional<Object>>> answers = ids.stream().map(id -> resolve(id, environment)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .onErrorResume(GatewayException.class, error -> error.code() == ErrorCode.NOT_FOUND
                                ? Mono.just(Optional.empty()) : Mono.error(error)))
                .toList();
        // In any order, so a slot frees as soon as any answer comes; then put back in the order of the IDs.
        return Flux.range(0, answers.size())
                .flatMap(index -> answers.get(index).map(answer -> Map.entry(index, answer)), BitbucketProperties.FAN_OUT)
                .collectSortedList(Map.Entry.comparingByKey())
                // A null stands for a missing object; Reactor carries no nulls, so they are put in the list last.
                .map(found -> found.stream().map(entry -> entry.getValue().orElse(null)).toList());
    }

    private Mono<Object> resolve(String id, DataFetchingEnvironment environment) {
        GlobalId global = GlobalId.decode(id);
        return switch (global.type()) {
            case "Workspace" -> load(environment, WorkspaceService.LOADER, global.part(0, 1));
            case "Repository" -> load(environment, RepositoryService.LOADER,
                    new RepositoryKey(global.part(0, 2), global.part(1, 2)));
            case "Pipeline" -> load(environment, PipelineService.LOADER, pipelineKey(global));
            case "Step" -> load(environment, StepService.LOADER, stepKey(global, 4));
            case "TestCase" -> testReports.testCase(new TestCaseKey(stepKey(global, 5), global.part(4, 5)))
                    .cast(Object.class);
            case "Variable" -> variables.variable(global).cast(Object.class);
            case "DeploymentEnvironment" -> environments.environment(global).cast(Object.class);
            case "PipelineSchedule" -> schedules.schedule(global).cast(Object.class);
            case "KnownHost" -> ssh.knownHost(global).cast(Object.class);
            default -> Mono.error(new GatewayException(ErrorCode.BAD_USER_INPUT,
                    "'" + id + "' is not an ID this gateway issued; use the 'id' field of an object it returned."));
        };
    }

    /** A pipeline's ID names it by UUID, or by build number where Bitbucket's answer lacked the UUID. */
    private static PipelineKey pipelineKey(GlobalId global) {
        String locator = global.part(2, 3);
        return new PipelineKey(global.part(0, 3), global.part(1, 3),
                BUILD_NUMBER.matcher(locator).matches() ? locator : Uuids.braced(locator, "id"));
    }

    private static StepKey stepKey(GlobalId global, int parts) {
        return new StepKey(global.part(0, parts), global.part(1, parts), global.part(2, parts),
                global.part(3, parts));
    }

    private static <K> Mono<Object> load(DataFetchingEnvironment environment, String loader, K key) {
        DataLoader<K, Object> dataLoader = environment.getDataLoader(loader);
        CompletableFuture<Object> future = dataLoader.load(key);
        return Mono.fromFuture(future);
    }
}

package io.pipelinesgateway.node;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

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
 */
@Controller
class NodeController {

    private static final Pattern BUILD_NUMBER = Pattern.compile("[1-9][0-9]{0,9}");

    private final TestReportService testReports;
    private final VariableService variables;
    private final EnvironmentService environments;
    private final ScheduleService schedules;
    private final SshService ssh;

    NodeController(TestReportService testReports, VariableService variables, EnvironmentService environments,
            ScheduleService schedules, SshService ssh) {
        this.testReports = testReports;
        this.variables = variables;
        this.environments = environments;
        this.schedules = schedules;
        this.ssh = ssh;
    }

    @QueryMapping
    Mono<Object> node(@Argument String id, DataFetchingEnvironment environment) {
        return resolve(id, environment);
    }

    @QueryMapping
    Mono<List<Object>> nodes(@Argument List<String> ids, DataFetchingEnvironment environment) {
        return Flux.fromIterable(ids)
                .flatMapSequential(id -> resolve(id, environment)
                        .map(java.util.Optional::of)
                        .defaultIfEmpty(java.util.Optional.empty())
                        .onErrorResume(GatewayException.class, error -> error.code() == ErrorCode.NOT_FOUND
                                ? Mono.just(java.util.Optional.empty()) : Mono.error(error)))
                .collectList()
                // A null stands for a missing object; Reactor carries no nulls, so they are put in the list last.
                .map(found -> found.stream().map(item -> item.orElse(null)).toList());
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

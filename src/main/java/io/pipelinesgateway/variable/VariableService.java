package io.pipelinesgateway.variable;

import java.util.List;

import io.pipelinesgateway.bitbucket.BitbucketVariable;
import io.pipelinesgateway.bitbucket.Read;
import io.pipelinesgateway.bitbucket.VariableEndpoints;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.error.InvalidInputException;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.DeletePayload;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.graphql.UserError;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.repository.RepositoryService;
import io.pipelinesgateway.workspace.WorkspaceService;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Reads and changes Pipelines variables at every level (workspace, repository, deployment environment, and the
 * deprecated team and user ones): the level's {@link VariableScope} is all that differs.
 */
@Service
public class VariableService {

    private final VariableEndpoints bitbucket;
    private final WorkspaceService workspaces;
    private final RepositoryService repositories;

    VariableService(VariableEndpoints bitbucket, WorkspaceService workspaces, RepositoryService repositories) {
        this.bitbucket = bitbucket;
        this.workspaces = workspaces;
        this.repositories = repositories;
    }

    Mono<Connection<Variable>> variables(VariableScope scope, PageRequest page) {
        return bitbucket.variables(scope.upstream(), scope.coordinates()).window(page.offset(), page.first())
                .map(window -> Connection.of(window, page.offset(), variable -> Variable.from(scope, variable)));
    }

    /**
     * The variable a global ID names: read alone where Bitbucket has "Get a variable" (NOT_FOUND for its 404), and
     * found in its level's listing at the deployment level, which has no such endpoint, or when the ID names the
     * variable by its key.
     */
    Mono<Variable> variable(VariableScope.Located located) {
        VariableScope scope = located.scope();
        // A variable located by its key (Bitbucket listed it without a UUID) can only be found in the listing.
        Mono<BitbucketVariable> found = scope.upstream().readsOne() && located.uuid() != null
                ? bitbucket.variable(scope.upstream(), scope.coordinates(), located.uuid())
                : bitbucket.variables(scope.upstream(), scope.coordinates()).all()
                        .flatMap(all -> Mono.justOrEmpty(all.stream()
                                .filter(located::matches)
                                .findFirst()))
                        .switchIfEmpty(Mono.error(() -> new GatewayException(ErrorCode.NOT_FOUND,
                                "Bitbucket has no such variable, or the credential cannot see it.")));
        return found.map(variable -> Variable.from(scope, variable));
    }

    Mono<VariablePayload> create(VariableInputs.Create input) {
        VariableScope asked = input.scope().check();
        BitbucketVariable body = input.body(asked);
        return UserError.recover(bySlugs(asked).flatMap(scope -> bitbucket.create(scope.upstream(),
                                scope.coordinates(), body)
                        .map(created -> VariablePayload.of(Variable.from(scope, filled(created, body, null,
                                null))))),
                "input.key", VariablePayload::rejected);
    }

    /**
     * The level a new variable goes to, its workspace and repository named by their slugs, as readers keep that
     * level's listing ({@link RepositoryService#bySlugs}); the deprecated team and user levels as asked.
     */
    private Mono<VariableScope> bySlugs(VariableScope scope) {
        List<String> at = scope.coordinates();
        return switch (scope.level()) {
            case WORKSPACE -> workspaces.bySlug(at.get(0)).map(VariableScope::workspace);
            case REPOSITORY -> repositories.bySlugs(new RepositoryKey(at.get(0), at.get(1)))
                    .map(repository -> VariableScope.repository(repository.workspace(), repository.slug()));
            case DEPLOYMENT_ENVIRONMENT -> repositories.bySlugs(new RepositoryKey(at.get(0), at.get(1)))
                    .map(repository -> VariableScope.deploymentEnvironment(repository.workspace(),
                            repository.slug(), at.get(2)));
            case TEAM, USER -> Mono.just(scope);
        };
    }

    /**
     * Changes a variable. One that would be unsecured is read first, as Bitbucket holds it now: a secured variable
     * stays secured (Bitbucket lets one only be given a new value or be deleted), so the change is refused
     * (BAD_USER_INPUT on {@code input.secured}) before it is sent, whatever Bitbucket would make of it.
     */
    Mono<VariablePayload> update(VariableInputs.Update input) {
        VariableScope.Located located = input.located();
        BitbucketVariable body = input.body(located);
        Mono<String> target = Boolean.FALSE.equals(body.secured())
                ? uuidOf(located).flatMap(uuid -> notSecured(located.scope(), uuid))
                : uuidOf(located);
        return UserError.recover(target
                        .flatMap(uuid -> bitbucket.update(located.scope().upstream(), located.scope().coordinates(),
                                        uuid, body)
                                .map(updated -> filled(updated, body, uuid, located.key())))
                        .map(updated -> VariablePayload.of(Variable.from(located.scope(), updated))),
                "input.key", VariablePayload::rejected);
    }

    Mono<DeletePayload> delete(VariableInputs.Delete input) {
        VariableScope.Located located = input.located();
        return UserError.recover(uuidOf(located)
                        .flatMap(uuid -> bitbucket.delete(located.scope().upstream(), located.scope().coordinates(),
                                uuid))
                        .then(Mono.fromSupplier(() -> DeletePayload.deleted(input.id()))),
                null, DeletePayload::rejected);
    }

    /**
     * The variable's UUID, unless Bitbucket holds it secured now (read past the cache: an answer cached before someone
     * secured it must not let it be unsecured); one it does not list is left to the change, which Bitbucket refuses.
     */
    private Mono<String> notSecured(VariableScope scope, String uuid) {
        Mono<BitbucketVariable> now = scope.upstream().readsOne()
                ? bitbucket.variable(scope.upstream(), scope.coordinates(), uuid, Read.LIVE)
                : bitbucket.variables(scope.upstream(), scope.coordinates(), Read.LIVE).all()
                        .flatMap(all -> Mono.justOrEmpty(all.stream()
                                .filter(variable -> uuid.equalsIgnoreCase(variable.uuid()))
                                .findFirst()));
        return now.filter(variable -> Boolean.TRUE.equals(variable.secured()))
                .flatMap(secured -> Mono.<String>error(new InvalidInputException("input.secured", "A secured "
                        + "variable stays secured: Bitbucket lets one only be given a new value or be deleted, and "
                        + "never shows its value. To have it unsecured, delete it and create it again with "
                        + "'secured: false'.")))
                .defaultIfEmpty(uuid);
    }

    /**
     * The UUID that changes a variable: the one its ID holds, or, for a variable Bitbucket listed without one (its ID
     * holds its key), whatever the level's listing now says.
     */
    private Mono<String> uuidOf(VariableScope.Located located) {
        if (located.uuid() != null) {
            return Mono.just(located.uuid());
        }
        return bitbucket.variables(located.scope().upstream(), located.scope().coordinates()).all()
                .flatMap(all -> Mono.justOrEmpty(all.stream()
                        .filter(variable -> located.matches(variable) && variable.uuid() != null)
                        .map(BitbucketVariable::uuid)
                        .findFirst()))
                .switchIfEmpty(Mono.error(() -> new GatewayException(ErrorCode.NOT_FOUND, "Bitbucket lists no "
                        + "variable '" + located.key() + "' with a UUID at this level, so it cannot be changed.")));
    }

    /**
     * What Bitbucket answered to a change, with what its answer lacked taken from what the gateway knows: what was
     * sent (the key, whether secured, a value), else the UUID and key that located the variable.
     */
    private static BitbucketVariable filled(BitbucketVariable answer, BitbucketVariable sent, String uuid,
            String key) {
        return new BitbucketVariable(answer.type() != null ? answer.type() : sent.type(),
                answer.uuid() != null ? answer.uuid() : sent.uuid() != null ? sent.uuid() : uuid,
                answer.key() != null ? answer.key() : sent.key() != null ? sent.key() : key,
                answer.value() != null ? answer.value() : sent.value(),
                answer.secured() != null ? answer.secured() : sent.secured());
    }
}

package io.pipelinesgateway.security;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import graphql.util.TraversalControl;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.graphql.OperationTraverser;
import reactor.core.publisher.Flux;

import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.stereotype.Component;

/**
 * Refuses an operation whose caller may not run it, after validation and before any field runs, so a refused request
 * makes no upstream call: no usable credential (UNAUTHENTICATED, saying what to send), or a mutation from a
 * service-mode caller with no write grant anywhere (FORBIDDEN). Operations that only introspect the schema run for
 * anyone while {@code gateway.security.open-introspection} is on, so GraphiQL's documentation works. It decides per
 * operation rather than per HTTP request because only the parsed document tells introspection from data.
 */
@Component
// Before the query limits: a caller who may not run anything is told that first.
@Order(0)
class OperationAccess extends SimplePerformantInstrumentation {

    /** Where a refused subscription's reason waits in its GraphQL context for its field to fail with it. */
    private static final String REFUSAL = OperationAccess.class.getName() + ".refusal";

    private final InboundSecurityProperties properties;

    OperationAccess(InboundSecurityProperties properties) {
        this.properties = properties;
    }

    /** What a caller without a usable credential should send, in this mode. */
    static String whatToSend(InboundSecurityProperties.Mode mode) {
        return mode == InboundSecurityProperties.Mode.SERVICE
                ? "This request carries no credential for the gateway. Send an API key in the 'X-API-Key' header "
                        + "(or, where the gateway trusts a JWT issuer, a JWT in 'Authorization: Bearer <token>')."
                : "This request carries no Bitbucket credential. Send 'Authorization: Bearer <access token>' or "
                        + "'Authorization: Basic base64(email:api_token)'.";
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        Caller caller = execution.getGraphQLContext().getOrDefault(Caller.CONTEXT_KEY, Caller.Anonymous.INSTANCE);
        boolean unauthenticated = caller instanceof Caller.Malformed || (caller instanceof Caller.Anonymous
                && !(properties.anonymous() && properties.mode() == InboundSecurityProperties.Mode.PASS_THROUGH));
        if (unauthenticated && !(properties.openIntrospection() && introspectionOnly(execution))) {
            String message = caller instanceof Caller.Malformed malformed ? malformed.problem()
                    : whatToSend(properties.mode());
            GraphQLError error = error(ErrorCode.UNAUTHENTICATED, ErrorType.UNAUTHORIZED, message);
            if (execution.getOperationDefinition().getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
                // A subscription's transports expect a stream (Server-Sent Events accept nothing else), so it is
                // refused as a stream that fails at once, in place of its field's own.
                execution.getGraphQLContext().put(REFUSAL, new SubscriptionPublisherException(List.of(error), null));
                return super.beginExecuteOperation(parameters, state);
            }
            throw new AbortExecutionException(List.of(error));
        }
        if (caller instanceof Caller.Service service && !service.grants().mayWriteAnywhere()
                && execution.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION) {
            throw new AbortExecutionException(List.of(error(ErrorCode.FORBIDDEN, ErrorType.FORBIDDEN,
                    service.described() + " may only read: a mutation needs a write grant on its workspace, such as "
                            + service.grantFor("<workspace>", Grants.Access.WRITE) + ".")));
        }
        return super.beginExecuteOperation(parameters, state);
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
            InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        SubscriptionPublisherException refusal = parameters.getExecutionContext().getGraphQLContext().get(REFUSAL);
        return refusal == null ? dataFetcher : environment -> Flux.error(refusal);
    }

    /** Whether every field the operation asks for at its root is {@code __schema}, {@code __type} or __typename. */
    private static boolean introspectionOnly(ExecutionContext execution) {
        AtomicBoolean onlyIntrospection = new AtomicBoolean(true);
        OperationTraverser.of(execution).visitPreOrder(new QueryVisitorStub() {
            @Override
            public TraversalControl visitFieldWithControl(QueryVisitorFieldEnvironment field) {
                if (!field.getField().getName().startsWith("__")) {
                    onlyIntrospection.set(false);
                }
                // Only the root fields matter: what they contain is never walked.
                return TraversalControl.ABORT;
            }
        });
        return onlyIntrospection.get();
    }

    private static GraphQLError error(ErrorCode code, ErrorType type, String message) {
        return GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(type)
                .extensions(Map.of("code", code.name()))
                .build();
    }
}

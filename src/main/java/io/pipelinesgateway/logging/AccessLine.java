package io.pipelinesgateway.logging;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.server.WebGraphQlRequest;

/**
 * One GraphQL operation's line in the {@link AccessLog}, written once, by whichever of the operation's ends comes
 * first: its answer, its stream's end, its failure, or its caller leaving before either.
 */
final class AccessLine {

    private static final Logger log = LoggerFactory.getLogger("io.pipelinesgateway.access");

    /** A GraphQL name, as an operation name must be; anything else a caller sends is not written. */
    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,99}");

    /** How an operation ended, as the line writes it. */
    private enum Outcome {
        /** Answered, or its stream ended (completed, or its subscriber left), without errors. */
        OK,
        /** Answered, or its stream ended, with errors: whether or not other fields resolved, the codes say why. */
        ERROR,
        /** No answer was made. */
        FAILED,
        /** Its caller left before its answer, or before the transport started its stream. */
        CANCELLED
    }

    private final WebGraphQlRequest request;
    private final long started = System.nanoTime();
    private final AtomicBoolean written = new AtomicBoolean();
    private volatile boolean answered;
    private volatile GraphQLContext context;

    AccessLine(WebGraphQlRequest request) {
        this.request = request;
        // The context graphql-java runs the operation with, where OperationRecorder notes its type and name.
        request.configureExecutionInput((input, builder) -> {
            context = input.getGraphQLContext();
            return input;
        });
    }

    /** Whether lines are written at all: operators silence them with the logger's level. */
    static boolean enabled() {
        return log.isInfoEnabled();
    }

    /** The operation was answered, or its stream ended, with {@code errors} (none: it went well). */
    void ended(List<GraphQLError> errors) {
        List<String> codes = errors.stream().map(AccessLine::code).distinct().toList();
        write(codes.isEmpty() ? Outcome.OK : Outcome.ERROR, codes);
    }

    void failed() {
        write(Outcome.FAILED, List.of());
    }

    /** The operation was answered: a query's result, or the start of a subscription's stream. */
    void answered() {
        answered = true;
    }

    /** Its caller left, or the transport never started its answered stream. */
    void cancelled() {
        write(Outcome.CANCELLED, List.of());
    }

    /** Its caller left: cancelled if it was not answered yet; else its answer's or its stream's end writes it. */
    void leftBeforeTheAnswer() {
        if (!answered) {
            cancelled();
        }
    }

    private void write(Outcome outcome, List<String> codes) {
        if (written.compareAndSet(false, true)) {
            // The id RequestIdFilter chose, in the request's (or the WebSocket handshake's) header.
            RequestId.inMdc(request.getHeaders().getFirst(RequestId.HEADER), () -> writeLine(outcome, codes));
        }
    }

    private void writeLine(Outcome outcome, List<String> codes) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        GraphQLContext operation = context;
        String type = operation == null ? null : operation.get(OperationRecorder.TYPE);
        String name = operation == null ? null : operation.get(OperationRecorder.NAME);
        if (type == null) {
            // Written before graphql-java ran the operation (its caller left first): the document says what it was.
            OperationDefinition definition = definitionOf(request);
            if (definition != null) {
                type = definition.getOperation().name().toLowerCase(Locale.ROOT);
                name = definition.getName();
            }
        }
        if (name == null && request.getOperationName() != null && NAME.matcher(request.getOperationName()).matches()) {
            name = request.getOperationName();
        }
        String outcomeName = outcome.name().toLowerCase(Locale.ROOT);
        log.atInfo()
                .addKeyValue("operation", Objects.requireNonNullElse(type, "unknown"))
                .addKeyValue("operationName", Objects.requireNonNullElse(name, ""))
                .addKeyValue("outcome", outcomeName)
                .addKeyValue("durationMs", millis)
                .addKeyValue("errorCodes", String.join(",", codes))
                .log("{} {} {} in {} ms{}", Objects.requireNonNullElse(type, "unknown"),
                        Objects.requireNonNullElse(name, "(anonymous)"), outcomeName, millis,
                        codes.isEmpty() ? "" : " " + codes);
    }

    /** The operation the request's document defines by its operation name (or alone), or null if it has none. */
    private static OperationDefinition definitionOf(WebGraphQlRequest request) {
        try {
            List<OperationDefinition> definitions = Parser.parse(request.getDocument())
                    .getDefinitionsOfType(OperationDefinition.class);
            String wanted = request.getOperationName();
            return definitions.stream()
                    .filter(definition -> wanted == null ? definitions.size() == 1 : wanted.equals(definition.getName()))
                    .findFirst().orElse(null);
        }
        catch (RuntimeException unparsable) {
            return null;
        }
    }

    private static String code(GraphQLError error) {
        Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
        return code != null ? code.toString() : String.valueOf(error.getErrorType());
    }
}

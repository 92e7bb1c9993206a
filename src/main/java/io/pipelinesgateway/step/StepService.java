package io.pipelinesgateway.step;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import io.pipelinesgateway.bitbucket.BitbucketClient;
import io.pipelinesgateway.bitbucket.BitbucketStep;
import io.pipelinesgateway.bitbucket.LogSlice;
import io.pipelinesgateway.bitbucket.UpstreamRequest;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.pipeline.PipelineKey;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Reads steps (a pipeline's list through {@value #STEPS_LOADER}, one step through {@value #LOADER}) and their logs,
 * always with HTTP Range so a large log costs only the bytes asked for.
 */
@Service
public class StepService {

    /** The DataLoader of a pipeline's steps by {@link PipelineKey}. */
    public static final String STEPS_LOADER = "stepsLoader";
    /** The DataLoader of one step by {@link StepKey}. */
    public static final String LOADER = "stepLoader";

    static final int DEFAULT_RANGE_BYTES = 64 * 1024;
    static final int MAX_RANGE_BYTES = 1024 * 1024;
    static final int MAX_TAIL_LINES = 5000;
    private static final int MAX_TAIL_BYTES = 4 * 1024 * 1024;

    private final BitbucketClient client;

    StepService(BitbucketClient client, Loaders loaders) {
        this.client = client;
        loaders.<PipelineKey, List<Step>>register(STEPS_LOADER, this::steps);
        loaders.<StepKey, Step>register(LOADER, this::step);
    }

    Mono<List<Step>> steps(PipelineKey pipeline) {
        return client.all(UpstreamRequest.of("steps", "repositories", pipeline.workspace(), pipeline.repository(),
                        "pipelines", pipeline.id(), "steps", ""), BitbucketStep.class)
                .map(steps -> steps.stream().map(step -> Step.from(new StepKey(pipeline.workspace(),
                        pipeline.repository(), pipeline.id(), step.uuid()), step)).toList());
    }

    Mono<Step> step(StepKey key) {
        return client.get(stepRequest("step", key), BitbucketStep.class).map(step -> Step.from(key, step));
    }

    /** The log's size now, from the total of a one-byte range. */
    Mono<Long> size(StepLog log) {
        return client.log(logRequest(log), "bytes=0-0").map(LogSlice::totalSize);
    }

    Mono<LogChunk> range(StepLog log, int offset, Integer length) {
        int bytes = length == null ? DEFAULT_RANGE_BYTES : length;
        if (offset < 0) {
            throw new GatewayException(ErrorCode.BAD_USER_INPUT, "'offset' must be 0 or more; it was " + offset + ".");
        }
        if (bytes < 1 || bytes > MAX_RANGE_BYTES) {
            throw new GatewayException(ErrorCode.BAD_USER_INPUT,
                    "'length' must be between 1 and " + MAX_RANGE_BYTES + " bytes; it was " + bytes + ".");
        }
        return client.log(logRequest(log), "bytes=" + offset + "-" + ((long) offset + bytes - 1))
                .map(slice -> new LogChunk(slice.offset(), slice.bytes().length, slice.totalSize(),
                        new String(slice.bytes(), StandardCharsets.UTF_8)));
    }

    /**
     * The last {@code lines} lines: reads a suffix range sized for them, and reads a larger one only when the lines
     * are longer than guessed.
     */
    Mono<LogChunk> tail(StepLog log, int lines) {
        if (lines < 1 || lines > MAX_TAIL_LINES) {
            throw new GatewayException(ErrorCode.BAD_USER_INPUT,
                    "'lines' must be between 1 and " + MAX_TAIL_LINES + "; it was " + lines + ".");
        }
        return tail(log, lines, Math.max(4096, lines * 160));
    }

    private Mono<LogChunk> tail(StepLog log, int lines, int suffixBytes) {
        return client.log(logRequest(log), "bytes=-" + suffixBytes).flatMap(slice -> {
            byte[] bytes = slice.bytes();
            int start = startOfLastLines(bytes, lines);
            boolean wholeLog = slice.offset() == 0;
            if (start < 0 && !wholeLog && suffixBytes < MAX_TAIL_BYTES) {
                return tail(log, lines, Math.min(MAX_TAIL_BYTES, suffixBytes * 4));
            }
            if (start < 0) {
                // The whole log, or the largest suffix the gateway reads, holds fewer lines than asked for.
                start = wholeLog ? 0 : firstLineStart(bytes);
            }
            byte[] text = Arrays.copyOfRange(bytes, start, bytes.length);
            return Mono.just(new LogChunk(slice.offset() + start, text.length, slice.totalSize(),
                    new String(text, StandardCharsets.UTF_8)));
        });
    }

    /** Where the last {@code lines} lines begin, or -1 when the bytes do not hold that many whole lines. */
    static int startOfLastLines(byte[] bytes, int lines) {
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\n') {
            end--;
        }
        int found = 0;
        for (int index = end - 1; index >= 0; index--) {
            if (bytes[index] == '\n' && ++found == lines) {
                return index + 1;
            }
        }
        return -1;
    }

    /** Skips a partial first line, so a tail never starts mid-line. */
    private static int firstLineStart(byte[] bytes) {
        for (int index = 0; index < bytes.length; index++) {
            if (bytes[index] == '\n') {
                return index + 1;
            }
        }
        return 0;
    }

    private static UpstreamRequest stepRequest(String resource, StepKey key, String... rest) {
        String[] base = {"repositories", key.workspace(), key.repository(), "pipelines", key.pipelineUuid(), "steps",
                key.stepUuid()};
        String[] segments = Arrays.copyOf(base, base.length + rest.length);
        System.arraycopy(rest, 0, segments, base.length, rest.length);
        return UpstreamRequest.of(resource, segments);
    }

    private static UpstreamRequest logRequest(StepLog log) {
        return log.logUuid() == null
                ? stepRequest("step_log", log.step(), "log")
                : stepRequest("container_log", log.step(), "logs", log.logUuid());
    }

    /** Builds requests below a step, for the other step-level resources (test reports). */
    public static UpstreamRequest requestBelowStep(String resource, StepKey key, String... rest) {
        return stepRequest(resource, key, rest);
    }
}

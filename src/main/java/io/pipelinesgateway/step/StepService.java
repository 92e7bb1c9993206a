package io.pipelinesgateway.step;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.pipelinesgateway.bitbucket.LogSlice;
import io.pipelinesgateway.bitbucket.PipelineEndpoints;
import io.pipelinesgateway.bitbucket.Read;
import io.pipelinesgateway.bitbucket.Utf8;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.pipeline.PipelineKey;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Reads steps (a pipeline's list through the DataLoader of {@link PipelineSteps}, one step through that of
 * {@link Step}) and their logs, always with HTTP Range so a large log costs only the bytes asked for.
 */
@Service
public class StepService {

    static final int DEFAULT_RANGE_BYTES = 64 * 1024;
    static final int MAX_RANGE_BYTES = 1024 * 1024;
    static final int MAX_TAIL_LINES = 5000;
    private static final int MAX_TAIL_BYTES = 4 * 1024 * 1024;
    static final int BLOCK_BYTES = 64 * 1024;

    private final PipelineEndpoints bitbucket;

    StepService(PipelineEndpoints bitbucket, Loaders loaders) {
        this.bitbucket = bitbucket;
        loaders.register(StepsRequest.class, PipelineSteps.class, request -> steps(request).map(PipelineSteps::new));
        loaders.register(StepKey.class, Step.class, this::step);
    }

    /** A pipeline's steps, in order. */
    public Mono<List<Step>> steps(StepsRequest request) {
        PipelineKey pipeline = request.pipeline();
        return bitbucket.pipelineSteps(pipeline.workspace(), pipeline.repository(), pipeline.id(),
                        request.seenWaiting()).all()
                .map(steps -> steps.stream().map(step -> Step.from(new StepKey(pipeline.workspace(),
                        pipeline.repository(), pipeline.id(), step.uuid()), step)).toList());
    }

    Mono<Step> step(StepKey key) {
        return bitbucket.step(key.upstream(), Read.CACHED).map(step -> Step.from(key, step));
    }

    /**
     * The log's size now. A completed log's size comes with its first block, which later reads reuse; a growing
     * log's from a one-byte range, read fresh.
     */
    Mono<Long> size(StepLog log) {
        if (log.complete()) {
            return block(log, 0).map(LogSlice::totalSize);
        }
        return read(log, "bytes=0-0", false).map(LogSlice::totalSize);
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
        if (!log.complete()) {
            return read(log, "bytes=" + offset + "-" + ((long) offset + bytes - 1), false)
                    .map(slice -> chunk(slice, false));
        }
        long first = offset / BLOCK_BYTES;
        long last = ((long) offset + bytes - 1) / BLOCK_BYTES;
        return size(log).flatMap(total -> {
            if (offset > total) {
                return Mono.error(new GatewayException(ErrorCode.BAD_USER_INPUT, "'offset' " + offset
                        + " lies past the end of the log (" + total + " bytes)."));
            }
            long lastBlock = Math.min(last, Math.max(0, (total - 1) / BLOCK_BYTES));
            return Flux.range((int) first, (int) Math.max(0, lastBlock - first + 1))
                    .flatMapSequential(number -> block(log, number))
                    .collectList()
                    .map(blocks -> chunk(join(blocks, first * BLOCK_BYTES, total), offset, bytes));
        });
    }

    /**
     * The last {@code lines} lines. A growing log is read with a suffix range sized for them, and a larger one only
     * when the lines are longer than guessed; a completed log block by block from its end, through the cache.
     */
    Mono<LogChunk> tail(StepLog log, int lines) {
        if (lines < 1 || lines > MAX_TAIL_LINES) {
            throw new GatewayException(ErrorCode.BAD_USER_INPUT,
                    "'lines' must be between 1 and " + MAX_TAIL_LINES + "; it was " + lines + ".");
        }
        if (log.complete()) {
            return size(log).flatMap(total -> tailOfBlocks(log, lines, total,
                    total == 0 ? 0 : (total - 1) / BLOCK_BYTES, new ArrayList<>()));
        }
        return tail(log, lines, Math.max(4096, lines * 160));
    }

    private Mono<LogChunk> tailOfBlocks(StepLog log, int lines, long total, long blockNumber,
            List<LogSlice> collected) {
        return block(log, blockNumber).flatMap(block -> {
            collected.add(0, block);
            LogSlice joined = join(collected, blockNumber * BLOCK_BYTES, total);
            long readBytes = joined.bytes().length;
            if (blockNumber > 0 && startOfLastLines(joined.bytes(), lines) < 0 && readBytes < MAX_TAIL_BYTES) {
                return tailOfBlocks(log, lines, total, blockNumber - 1, collected);
            }
            return Mono.just(lastLines(joined, lines, true));
        });
    }

    private Mono<LogChunk> tail(StepLog log, int lines, int suffixBytes) {
        return read(log, "bytes=-" + suffixBytes, false).flatMap(slice -> {
            if (slice.offset() > 0 && startOfLastLines(slice.bytes(), lines) < 0 && suffixBytes < MAX_TAIL_BYTES) {
                return tail(log, lines, Math.min(MAX_TAIL_BYTES, suffixBytes * 4));
            }
            return Mono.just(lastLines(slice, lines, false));
        });
    }

    /** Cuts a slice down to its last {@code lines} lines, never starting mid-line unless the log starts there. */
    private static LogChunk lastLines(LogSlice slice, int lines, boolean logComplete) {
        byte[] bytes = slice.bytes();
        int start = startOfLastLines(bytes, lines);
        if (start < 0) {
            // The whole log, or the most the gateway reads for a tail, holds fewer lines than asked for.
            start = slice.offset() == 0 ? 0 : firstLineStart(bytes);
        }
        return chunk(new LogSlice(slice.offset() + start, Arrays.copyOfRange(bytes, start, bytes.length),
                slice.totalSize()), logComplete);
    }

    /** One aligned block of a completed log: the unit the cache keeps, shared by sizes, ranges and tails. */
    private Mono<LogSlice> block(StepLog log, long number) {
        long start = number * BLOCK_BYTES;
        return read(log, "bytes=" + start + "-" + (start + BLOCK_BYTES - 1), true);
    }

    /**
     * Reads a range of a log. A step that has not written anything yet (a pending step, or a step that was never
     * run) has no log upstream ({@link LogSlice#NONE}): for a reader that is an empty log.
     */
    private Mono<LogSlice> read(StepLog log, String range, boolean complete) {
        if (!log.mayExist()) {
            return Mono.just(LogSlice.NONE);
        }
        return log.logUuid() == null
                ? bitbucket.stepLog(log.step().upstream(), range, complete, Read.CACHED)
                : bitbucket.containerLog(log.step().upstream(), log.logUuid(), range, complete);
    }

    private static LogSlice join(List<LogSlice> blocks, long offset, long total) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        blocks.forEach(block -> bytes.writeBytes(block.bytes()));
        return new LogSlice(offset, bytes.toByteArray(), total);
    }

    private static LogChunk chunk(LogSlice joined, long offset, int length) {
        int from = (int) Math.max(0, Math.min(joined.bytes().length, offset - joined.offset()));
        int to = (int) Math.min(joined.bytes().length, (long) from + length);
        return chunk(new LogSlice(joined.offset() + from, Arrays.copyOfRange(joined.bytes(), from, to),
                joined.totalSize()), true);
    }

    /**
     * The bytes as text, cut to whole characters: a range that starts inside a character begins with the next one,
     * and one that ends inside a character (a range's length, or a growing log's last bytes) ends before it, so that
     * reading on from each chunk's {@code endOffset} gives pieces that join into the log, as a log follower's do. A
     * range shorter than the one character it falls in is left as read.
     */
    private static LogChunk chunk(LogSlice slice, boolean logComplete) {
        byte[] bytes = slice.bytes();
        int from = Utf8.characterStart(bytes);
        int to = slice.wholeCharactersLength(logComplete);
        LogSlice whole = to <= from || from == 0 && to == bytes.length ? slice
                : new LogSlice(slice.offset() + from, Arrays.copyOfRange(bytes, from, to), slice.totalSize());
        return new LogChunk(whole.offset(), whole.bytes().length, whole.totalSize(),
                new String(whole.bytes(), StandardCharsets.UTF_8));
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
}

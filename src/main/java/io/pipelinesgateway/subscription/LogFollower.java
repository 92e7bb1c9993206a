package io.pipelinesgateway.subscription;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.pipelinesgateway.bitbucket.LogSlice;
import io.pipelinesgateway.bitbucket.PipelineEndpoints;
import io.pipelinesgateway.bitbucket.Read;
import io.pipelinesgateway.bitbucket.StateName;
import io.pipelinesgateway.bitbucket.StepCoordinates;
import io.pipelinesgateway.bitbucket.Utf8;
import io.pipelinesgateway.events.LogAppended;
import io.pipelinesgateway.events.StepChanged;
import io.pipelinesgateway.events.WatchEvent;
import io.pipelinesgateway.step.StepKey;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Puts one subscriber's log together, from the offset it asked for to the end, with no byte twice and none missing.
 * It first reads, with the subscriber's credential, what the log holds already; then it takes the watcher's chunks
 * from the bus, keeping only the bytes past what it has sent, and reading any hole between them itself (the watcher
 * may have started, or taken over, past that point). A hole left by chunks the subscriber's own buffer dropped is
 * not read again but marked ({@code gap}, {@code droppedBytes}): the subscriber was too slow for them.
 * <p>
 * One follower serves one subscription, and its chunks are produced one after another, so its position needs no
 * locking.
 */
final class LogFollower {

    /** The most one read takes; a log longer than that is read in several. */
    static final int READ_BYTES = 1024 * 1024;

    private final PipelineEndpoints bitbucket;
    private final StepCoordinates step;
    private final String stepId;
    private final SubscriberBuffer buffer;
    private long sent;
    /** Whether a read has started where the subscriber asked, at the first character there. */
    private boolean readFromAsked;

    LogFollower(PipelineEndpoints bitbucket, StepKey step, String stepId, long fromOffset, SubscriberBuffer buffer) {
        this.bitbucket = bitbucket;
        this.step = step.upstream();
        this.stepId = stepId;
        this.sent = fromOffset;
        this.buffer = buffer;
    }

    /** The log of a step still running: what it holds now, then what it gains, until the step completes. */
    Flux<StepLogChunk> follow() {
        return readUpTo(-1, false)
                .concatWith(Flux.defer(() -> buffer.events().concatMap(this::handle)))
                .takeUntil(StepLogChunk::complete);
    }

    /** The log of a step that has completed: all of it from the offset asked for, and the last chunk. */
    Flux<StepLogChunk> completed() {
        return readUpTo(-1, true).concatWith(Mono.fromSupplier(this::last));
    }

    private Flux<StepLogChunk> handle(WatchEvent event) {
        if (event instanceof LogAppended appended) {
            Flux<StepLogChunk> chunks = Flux.concat(
                    Flux.defer(() -> appended.offset() > sent ? fillOrMark(appended.offset(), false) : Flux.empty()),
                    Flux.defer(() -> Flux.just(appended).filter(chunk -> chunk.end() > sent).map(this::tail)));
            if (!appended.complete()) {
                return chunks;
            }
            return chunks
                    .concatWith(Flux.defer(() -> appended.totalSize() > sent
                            ? fillOrMark(appended.totalSize(), true) : Flux.empty()))
                    .concatWith(Mono.fromSupplier(this::last));
        }
        if (event instanceof StepChanged changed
                && StateName.of(changed.step().state()).isCompleted()) {
            // The step completed, and no final log event came first (it may have been lost): read to the end.
            return readUpTo(-1, true).concatWith(Mono.fromSupplier(this::last));
        }
        return Flux.empty();
    }

    /** The hole before {@code until}: read it, unless this subscriber's buffer dropped it. */
    private Flux<StepLogChunk> fillOrMark(long until, boolean logComplete) {
        if (buffer.droppedUntil() > sent) {
            long dropped = until - sent;
            sent = until;
            return Flux.just(new StepLogChunk(stepId, until, 0, "", true, dropped, false, null));
        }
        return readUpTo(until, logComplete);
    }

    /** The part of a watcher's chunk this subscriber does not have yet. */
    private StepLogChunk tail(LogAppended appended) {
        if (appended.offset() > sent) {
            // The hole before it could not be read (the log answered less than it had announced): say so.
            long missing = appended.offset() - sent;
            sent = appended.offset();
            StepLogChunk chunk = chunk(appended.bytes(), appended.totalSize());
            return new StepLogChunk(stepId, chunk.offset(), chunk.length(), chunk.text(), true, missing, false,
                    chunk.totalSize());
        }
        int from = (int) (sent - appended.offset());
        return chunk(Arrays.copyOfRange(appended.bytes(), from, appended.bytes().length), appended.totalSize());
    }

    /**
     * Reads from what was sent up to {@code until} (exclusive), or to the end of the log as it is now when
     * {@code until} is negative, in reads of at most {@link #READ_BYTES}. A read stops short of a character cut in
     * half, unless the log is complete and the read reaches its end.
     */
    private Flux<StepLogChunk> readUpTo(long until, boolean logComplete) {
        return Mono.defer(() -> {
                    long last = until < 0 ? sent + READ_BYTES - 1 : Math.min(until, sent + READ_BYTES) - 1;
                    if (until >= 0 && sent >= until) {
                        return Mono.<LogSlice>empty();
                    }
                    // Once the step has completed its log is final: read through the cache, as Step.log is, so each
                    // more viewer of a finished log costs no call. While it runs, a cached read would hide its growth.
                    return bitbucket.stepLog(step, "bytes=" + sent + "-" + last, logComplete,
                                    logComplete ? Read.CACHED : Read.LIVE)
                            // No log yet: the step has not written anything.
                            .map(slice -> slice == LogSlice.NONE ? new LogSlice(sent, new byte[0], sent) : slice);
                })
                .flatMapMany(slice -> {
                    byte[] bytes = slice.bytes();
                    // The offset a subscriber asked for may fall inside a character: it starts with the next one.
                    int from = readFromAsked ? 0 : Utf8.characterStart(bytes);
                    int usable = slice.wholeCharactersLength(logComplete);
                    if (usable <= from) {
                        return Flux.empty();
                    }
                    readFromAsked = true;
                    sent += from;
                    StepLogChunk chunk = chunk(Arrays.copyOfRange(bytes, from, usable), slice.totalSize());
                    boolean more = until < 0 ? sent < slice.totalSize() : sent < until;
                    return more ? Flux.just(chunk).concatWith(readUpTo(until, logComplete)) : Flux.just(chunk);
                });
    }

    private StepLogChunk chunk(byte[] bytes, long totalSize) {
        StepLogChunk chunk = new StepLogChunk(stepId, sent, bytes.length, new String(bytes, StandardCharsets.UTF_8),
                false, 0, false, totalSize);
        sent += bytes.length;
        return chunk;
    }

    private StepLogChunk last() {
        return new StepLogChunk(stepId, sent, 0, "", false, 0, true, sent);
    }
}

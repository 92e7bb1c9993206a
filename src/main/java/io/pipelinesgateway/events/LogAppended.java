package io.pipelinesgateway.events;

/**
 * Bytes a step's log gained, and where they sit in it. The watcher cuts chunks at UTF-8 character boundaries, so
 * each one's text stands on its own; subscribers use the offsets to drop what they already have and to read what
 * they missed.
 *
 * @param pipelineUuid the pipeline's UUID, with braces
 * @param stepUuid     the step's UUID, with braces
 * @param offset       the byte offset of the first byte
 * @param bytes        the bytes (possibly none, on the final event)
 * @param complete     whether the step has completed and the log ends at {@code totalSize}: the last event of a log
 * @param totalSize    the log's size when it was read
 */
public record LogAppended(String workspace, String repository, String pipelineUuid, String stepUuid, long offset,
        byte[] bytes, boolean complete, long totalSize) implements WatchEvent {

    /** The offset just past the bytes. */
    public long end() {
        return offset + bytes.length;
    }
}

package io.pipelinesgateway.subscription;

/**
 * What {@code stepLogAppended} delivers: bytes of a step's log in order, each chunk starting where the last ended,
 * so that the chunks' texts put together are the log.
 *
 * @param stepId       the step's global ID
 * @param offset       the byte offset of the chunk's first byte
 * @param length       how many bytes the chunk holds
 * @param text         the bytes as UTF-8 text
 * @param gap          whether bytes before this chunk were dropped because the subscriber read too slowly
 * @param droppedBytes how many bytes were dropped just before this chunk
 * @param complete     whether this is the last chunk: the step has completed and the log ends here
 * @param totalSize    on the last chunk, the log's size; otherwise the size when the chunk was read, if known
 */
public record StepLogChunk(String stepId, long offset, long length, String text, boolean gap, long droppedBytes,
        boolean complete, Long totalSize) {

    public long endOffset() {
        return offset + length;
    }
}

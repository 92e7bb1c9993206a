package io.pipelinesgateway.step;

/**
 * A part of a log as the schema shows it.
 *
 * @param offset    byte offset of the first byte
 * @param length    bytes in the chunk
 * @param totalSize the log's size when it was read
 * @param text      the bytes as UTF-8 text
 */
public record LogChunk(long offset, long length, long totalSize, String text) {

    public long endOffset() {
        return offset + length;
    }

    public boolean hasMore() {
        return endOffset() < totalSize;
    }
}

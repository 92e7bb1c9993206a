package io.pipelinesgateway.bitbucket;

/**
 * Bytes of a log read with HTTP Range, and where they sit in it.
 *
 * @param offset    the byte offset of the first byte in {@code bytes}
 * @param bytes     the bytes read; empty when the log has nothing at or after {@code offset} yet
 * @param totalSize the log's size in bytes when it was read (a running step's log keeps growing)
 */
public record LogSlice(long offset, byte[] bytes, long totalSize) {

    /** The offset just past the last byte read. */
    public long end() {
        return offset + bytes.length;
    }
}

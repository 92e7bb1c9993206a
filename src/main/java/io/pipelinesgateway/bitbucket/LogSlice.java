package io.pipelinesgateway.bitbucket;

/**
 * Bytes of a log read with HTTP Range, and where they sit in it.
 *
 * @param offset    the byte offset of the first byte in {@code bytes}
 * @param bytes     the bytes read; empty when the log has nothing at or after {@code offset} yet
 * @param totalSize the log's size in bytes when it was read (a running step's log keeps growing)
 */
public record LogSlice(long offset, byte[] bytes, long totalSize) {

    /**
     * No log at all: Bitbucket answered 404, as it does for a step that has not written anything (a pending step, a
     * step that never ran). Told apart by identity ({@code slice == NONE}) from a log that exists and is empty.
     */
    public static final LogSlice NONE = new LogSlice(0, new byte[0], 0);

    /** The offset just past the last byte read. */
    public long end() {
        return offset + bytes.length;
    }

    /**
     * How many of the bytes, from the first, end where a character does ({@link Utf8#completePrefix}): a piece of text
     * cut there decodes whole, and the next piece starts with a character. All of them where they reach the end of
     * a log that is complete ({@code logComplete}), which nothing will continue.
     */
    public int wholeCharactersLength(boolean logComplete) {
        return logComplete && end() >= totalSize ? bytes.length : Utf8.completePrefix(bytes);
    }
}

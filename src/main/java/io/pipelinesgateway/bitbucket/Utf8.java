package io.pipelinesgateway.bitbucket;

/**
 * Where a log may be cut. Log chunks travel as text, so a chunk must not end (or start) inside a multi-byte UTF-8
 * character: its halves would each decode to garbage, and the chunks would no longer add up to the log.
 */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * The length of the longest prefix of {@code bytes} that does not end inside a character: all of them, unless
     * the last few are the start of a character whose other bytes have not been written yet.
     */
    public static int completePrefix(byte[] bytes) {
        int end = bytes.length;
        // A character is at most 4 bytes: look back at most 3 for the lead byte of the last one.
        for (int back = 1; back <= Math.min(4, end); back++) {
            int b = bytes[end - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // a continuation byte: the lead byte is further back
            }
            int length = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
            return back >= length ? end : end - back;
        }
        return end; // not UTF-8 at its end anyway: cutting would not help
    }

    /** Where the first character that starts within {@code bytes} begins: past any leading continuation bytes. */
    public static int characterStart(byte[] bytes) {
        int index = 0;
        while (index < Math.min(3, bytes.length) && (bytes[index] & 0xC0) == 0x80) {
            index++;
        }
        return index;
    }

    /** Where the first whole line in {@code bytes} begins (just past the first newline), or a character start. */
    public static int lineStart(byte[] bytes) {
        for (int index = 0; index < bytes.length; index++) {
            if (bytes[index] == '\n') {
                return index + 1;
            }
        }
        return characterStart(bytes);
    }
}

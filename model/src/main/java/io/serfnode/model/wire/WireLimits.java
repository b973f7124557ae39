package io.serfnode.model.wire;

/**
 * Size limits the codec enforces before it parses anything.
 *
 * @param maxClientMessageBytes the largest client message, in UTF-8 bytes (the API's frame limit)
 * @param maxServerMessageBytes the largest server message; snapshots of large clusters are big
 * @param maxNestingDepth       the deepest nesting of arrays and objects
 */
public record WireLimits(int maxClientMessageBytes, int maxServerMessageBytes, int maxNestingDepth) {

    /** The v1 API: 64 KiB client frames, 16 MiB server messages, nesting up to 32 levels. */
    public static final WireLimits DEFAULT = new WireLimits(64 * 1024, 16 * 1024 * 1024, 32);

    public WireLimits {
        if (maxClientMessageBytes < 1 || maxServerMessageBytes < 1 || maxNestingDepth < 1) {
            throw new IllegalArgumentException("wire limits must be positive, found " + maxClientMessageBytes
                    + " / " + maxServerMessageBytes + " / " + maxNestingDepth);
        }
    }

    public WireLimits withMaxClientMessageBytes(int bytes) {
        return new WireLimits(bytes, maxServerMessageBytes, maxNestingDepth);
    }

    public WireLimits withMaxServerMessageBytes(int bytes) {
        return new WireLimits(maxClientMessageBytes, bytes, maxNestingDepth);
    }

    public WireLimits withMaxNestingDepth(int depth) {
        return new WireLimits(maxClientMessageBytes, maxServerMessageBytes, depth);
    }
}

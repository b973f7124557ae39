package io.serfnode.model.wire;

/** Shortens peer-supplied text before it is quoted back in an error, so errors stay small. */
final class Excerpt {
    static final int MAX_CHARS = 40;

    private Excerpt() {
    }

    static String of(String text) {
        String oneLine = text.replace("\n", "\\n").replace("\r", "\\r").replace("\"", "\\\"");
        return oneLine.length() <= MAX_CHARS ? oneLine : oneLine.substring(0, MAX_CHARS) + "…";
    }
}

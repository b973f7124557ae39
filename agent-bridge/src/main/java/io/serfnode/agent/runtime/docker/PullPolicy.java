package io.serfnode.agent.runtime.docker;

/** When the runtime pulls a child's image from its registry. */
public enum PullPolicy {
    /** Never: an image missing on the engine is an error naming the image. */
    NEVER,
    /** Only when the engine does not have the image. */
    MISSING,
    /** Before every start, so a moving tag is followed. */
    ALWAYS
}

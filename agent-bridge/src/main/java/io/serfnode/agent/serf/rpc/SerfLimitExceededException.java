package io.serfnode.agent.serf.rpc;

/**
 * A request would exceed a size limit that the agent enforces; nothing was sent. The message names
 * the limit, its value and the size the request would have had.
 */
public final class SerfLimitExceededException extends IllegalArgumentException {
    private final String limit;
    private final int limitBytes;
    private final int actualBytes;

    public SerfLimitExceededException(String limit, int limitBytes, int actualBytes, String what) {
        super(what + " is " + actualBytes + " bytes, over the " + limit + " of " + limitBytes + " bytes");
        this.limit = limit;
        this.limitBytes = limitBytes;
        this.actualBytes = actualBytes;
    }

    /** The limit's name, e.g. {@code UserEventSizeLimit}. */
    public String limit() {
        return limit;
    }

    public int limitBytes() {
        return limitBytes;
    }

    public int actualBytes() {
        return actualBytes;
    }
}

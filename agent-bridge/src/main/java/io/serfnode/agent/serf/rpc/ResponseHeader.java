package io.serfnode.agent.serf.rpc;

/** The header Serf sends before every reply and every stream record: {@code {Seq, Error}}. */
record ResponseHeader(long seq, String error) {
    boolean failed() {
        return !error.isEmpty();
    }
}

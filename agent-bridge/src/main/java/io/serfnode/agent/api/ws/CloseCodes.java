package io.serfnode.agent.api.ws;

/** The WebSocket close codes the API uses (docs/protocol.md, "Close codes"). */
final class CloseCodes {
    static final int GOING_AWAY = 1001;
    static final int POLICY_VIOLATION = 1008;
    static final int TRY_AGAIN_LATER = 1013;

    private CloseCodes() {
    }
}

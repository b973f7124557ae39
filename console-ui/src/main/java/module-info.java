/** The operator console. Talks to agents only through the WebSocket protocol in the model. */
module io.serfnode.console {
    requires io.serfnode.model;

    exports io.serfnode.console;
}

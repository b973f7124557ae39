/** Domain records and the WebSocket wire protocol. Knows nothing of JavaFX, Docker, Serf or Tyrus. */
module io.serfnode.model {
    requires transitive com.fasterxml.jackson.databind;

    exports io.serfnode.model;
    exports io.serfnode.model.event;
    exports io.serfnode.model.command;
    exports io.serfnode.model.wire;

    // Jackson builds the records reflectively
    opens io.serfnode.model to com.fasterxml.jackson.databind;
    opens io.serfnode.model.event to com.fasterxml.jackson.databind;
    opens io.serfnode.model.command to com.fasterxml.jackson.databind;
    opens io.serfnode.model.wire to com.fasterxml.jackson.databind;
}

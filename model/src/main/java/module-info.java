/** Domain records and the WebSocket wire protocol. Knows nothing of JavaFX, Docker, Serf or Tyrus. */
module io.serfnode.model {
    requires transitive com.fasterxml.jackson.databind;

    exports io.serfnode.model;
}

/** The operator console. Talks to agents only through the WebSocket protocol in the model. */
module io.serfnode.console {
    requires io.serfnode.model;
    requires javafx.base;
    requires javafx.graphics;
    requires javafx.controls;
    requires javafx.swing;
    requires org.controlsfx.controls;
    requires java.net.http;
    requires java.desktop;
    requires java.logging;

    exports io.serfnode.console;
    exports io.serfnode.console.session;
    exports io.serfnode.console.graph;
}

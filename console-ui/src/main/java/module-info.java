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
    requires java.management;

    exports io.serfnode.console;
    exports io.serfnode.console.session;
    exports io.serfnode.console.state;
    exports io.serfnode.console.fx;
    exports io.serfnode.console.viewmodel;
    exports io.serfnode.console.view;
    exports io.serfnode.console.app;

    // the launcher instantiates the application reflectively
    opens io.serfnode.console.app to javafx.graphics;
    exports io.serfnode.console.connection;
    exports io.serfnode.console.settings;
    exports io.serfnode.console.graph;
    exports io.serfnode.console.overview;
}

package io.serfnode.console.view;

import static io.serfnode.console.testing.Clusters.threeMembers;
import static org.awaitility.Awaitility.await;

import io.serfnode.console.fx.FxUiThread;
import io.serfnode.console.session.ConnectionSettings;
import io.serfnode.console.session.ConnectionStatus;
import io.serfnode.console.session.SessionUpdate;
import io.serfnode.console.viewmodel.ConnectViewModel;
import io.serfnode.console.viewmodel.FakeClusterSession;
import io.serfnode.console.viewmodel.MainViewModel;
import io.serfnode.console.viewmodel.RecentClusterStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** The main window on a fake session in a real (headless) scene, and connecting it to three members. */
final class ConnectedWindow {
    static final URI AGENT = URI.create("ws://127.0.0.2:7070/v1/cluster");

    final FakeClusterSession session = new FakeClusterSession();
    MainViewModel model;
    MainWindow window;

    /** Builds the window as the console does, with dialogs for confirmations, and shows it on {@code stage}. */
    void show(Stage stage) {
        model = new MainViewModel(() -> session, new FxUiThread(), Clock.systemUTC());
        window = new MainWindow(model,
                () -> new ConnectViewModel(RecentClusterStore.inMemory(), model::connect, Path.of("known-agents")),
                new OverviewPane(model), Confirmer.dialogs());
        stage.setScene(new Scene(window, 1280, 820));
        stage.show();
    }

    /** Connects to web-1 of a three-member cluster and waits until the window lists the members. */
    void connectToThreeMembers() {
        WaitForAsyncUtils.asyncFx(() -> model.connect(ConnectionSettings.to(AGENT, "secret")));
        WaitForAsyncUtils.waitForFxEvents();
        session.push(new SessionUpdate.StatusChanged(new ConnectionStatus(ConnectionStatus.Phase.CONNECTED, AGENT,
                "web-1", null, null)));
        session.push(threeMembers(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> model.members().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
    }
}

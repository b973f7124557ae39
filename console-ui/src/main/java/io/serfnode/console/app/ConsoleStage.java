package io.serfnode.console.app;

import io.serfnode.console.fx.FxUiThread;
import io.serfnode.console.session.AgentUrls;
import io.serfnode.console.session.TrustSettings;
import io.serfnode.console.view.MainWindow;
import io.serfnode.console.view.MemberListPane;
import io.serfnode.console.view.NotificationPresenter;
import io.serfnode.console.view.Theme;
import io.serfnode.console.viewmodel.ConnectViewModel;
import io.serfnode.console.viewmodel.MainViewModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/** Puts the console on a stage: view models, the main window, remembered state, the scripted start. */
public final class ConsoleStage {
    private static final Logger LOG = Logger.getLogger(ConsoleStage.class.getName());

    private final MainViewModel model;
    private final MainWindow window;
    private final Stage stage;

    private ConsoleStage(Stage stage, MainViewModel model, MainWindow window) {
        this.stage = stage;
        this.model = model;
        this.window = window;
    }

    /** Builds the console on {@code stage} and shows it. */
    public static ConsoleStage show(Stage stage, ConsoleServices services, LaunchOptions options) {
        MainViewModel model = new MainViewModel(services.sessions(), new FxUiThread(), Clock.systemDefaultZone());
        MainWindow window = new MainWindow(model,
                () -> {
                    ConnectViewModel form = new ConnectViewModel(services.recentClusters(), model::connect,
                            services.knownAgentsFile());
                    return form;
                },
                new MemberListPane(model), services.confirmer());
        WindowState remembered = services.windowState().load();
        boolean dark = options.theme().map("dark"::equals).orElse(remembered.dark());
        window.themeProperty().set(dark ? Theme.DARK : Theme.LIGHT);
        window.setDividers(remembered.overviewDivider(), remembered.eventsDivider());

        stage.setTitle("Serfnode console");
        stage.setScene(new Scene(window, remembered.width(), remembered.height()));
        if (!Double.isNaN(remembered.x()) && !Double.isNaN(remembered.y())) {
            stage.setX(remembered.x());
            stage.setY(remembered.y());
        }
        stage.setMaximized(remembered.maximized());
        ConsoleStage console = new ConsoleStage(stage, model, window);
        stage.setOnHidden(e -> console.closing(services.windowState()));
        if (services.notifications()) {
            NotificationPresenter.attach(model, stage);
        }
        stage.show();
        options.connect().ifPresent(url -> console.connectScripted(url, options.tokenFile().orElseThrow()));
        options.snapshotPng().ifPresent(png -> console.pngAfterFirstSnapshot(png, options.exit()));
        return console;
    }

    private void connectScripted(String url, Path tokenFile) {
        try {
            String token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            model.connect(AgentUrls.settings(url, token, new TrustSettings.SystemTrust()));
        } catch (IOException | IllegalArgumentException e) {
            String why = e instanceof IOException ? "token file " + tokenFile + ": cannot be read (" + e + ")" : e.getMessage();
            LOG.severe("serfnode console: " + why);
            System.err.println("serfnode console: " + why);
        }
    }

    private void pngAfterFirstSnapshot(Path png, boolean exit) {
        model.snapshotsProperty().addListener((o, a, b) -> {
            if (a.longValue() == 0 && b.longValue() > 0) {
                // the refresh that fills the tables runs right after the snapshot: give layout a moment
                PauseTransition settle = new PauseTransition(Duration.millis(400));
                settle.setOnFinished(e -> {
                    try {
                        window.writePng(png);
                        System.out.println("serfnode console: wrote " + png.toAbsolutePath());
                    } catch (IOException failure) {
                        LOG.log(Level.SEVERE, "cannot write " + png, failure);
                        System.err.println("serfnode console: cannot write " + png + ": " + failure.getMessage());
                    }
                    if (exit) {
                        stage.hide();
                        Platform.exit();
                    }
                });
                settle.play();
            }
        });
    }

    private void closing(WindowStateStore store) {
        model.close();
        double[] dividers = window.dividers();
        WindowState state = new WindowState(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized(), window.themeProperty().get() == Theme.DARK, dividers[0], dividers[1]);
        try {
            store.save(state);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remember the window in " + store.file(), e);
        }
    }

    public MainViewModel model() {
        return model;
    }

    public MainWindow window() {
        return window;
    }
}

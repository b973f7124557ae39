package io.serfnode.console.app;

import io.serfnode.console.connection.WebSocketClusterSession;
import io.serfnode.console.fx.FxUiThread;
import io.serfnode.console.settings.ConsolePreferences;
import io.serfnode.console.view.MainWindow;
import io.serfnode.console.view.OverviewPane;
import io.serfnode.console.view.NotificationPresenter;
import io.serfnode.console.view.Theme;
import io.serfnode.console.viewmodel.ConnectViewModel;
import io.serfnode.console.viewmodel.MainViewModel;
import java.time.Clock;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Puts the console on a stage: view models, the main window, remembered preferences, the scripted start. */
public final class ConsoleStage {
    private static final Logger LOG = Logger.getLogger(ConsoleStage.class.getName());
    static final ConsolePreferences.WindowState DEFAULT_WINDOW =
            new ConsolePreferences.WindowState(Double.NaN, Double.NaN, 1280, 820, false);
    static final ConsolePreferences.Dividers DEFAULT_DIVIDERS = new ConsolePreferences.Dividers(0.58, 0.62);
    private static final double MIN_WIDTH = 480;
    private static final double MIN_HEIGHT = 360;

    private final MainViewModel model;
    private final MainWindow window;
    private final Stage stage;

    private ConsoleStage(Stage stage, MainViewModel model, MainWindow window) {
        this.stage = stage;
        this.model = model;
        this.window = window;
    }

    /** Builds the console on {@code stage} and shows it; a scripted run ends through {@code quit}. */
    public static ConsoleStage show(Stage stage, ConsoleServices services, LaunchOptions options, IntConsumer quit) {
        // the other core prepares the first connection while this thread builds the window
        WebSocketClusterSession.prepareInBackground();
        MainViewModel model = new MainViewModel(services.sessions(), new FxUiThread(), Clock.systemDefaultZone());
        MainWindow window = new MainWindow(model,
                () -> new ConnectViewModel(services.recentClusters(), model::connect, services.knownAgentsFile(),
                        services.knownFingerprints()),
                new OverviewPane(model), services.confirmer());
        ConsolePreferences preferences = services.preferences();
        boolean dark = options.theme().map("dark"::equals)
                .orElse(preferences.theme() == ConsolePreferences.Theme.DARK);
        window.themeProperty().set(dark ? Theme.DARK : Theme.LIGHT);
        ConsolePreferences.Dividers dividers = preferences.dividers().orElse(DEFAULT_DIVIDERS);
        window.setDividers(dividers.overview(), dividers.events());

        ConsolePreferences.WindowState remembered = preferences.window().orElse(DEFAULT_WINDOW);
        stage.setTitle("Serfnode console");
        stage.setScene(new Scene(window, Math.max(MIN_WIDTH, remembered.width()),
                Math.max(MIN_HEIGHT, remembered.height())));
        if (!Double.isNaN(remembered.x()) && !Double.isNaN(remembered.y())) {
            stage.setX(remembered.x());
            stage.setY(remembered.y());
        }
        stage.setMaximized(remembered.maximized());
        ConsoleStage console = new ConsoleStage(stage, model, window);
        stage.setOnHidden(e -> console.closing(preferences));
        if (services.notifications()) {
            NotificationPresenter.attach(model, stage);
        }
        stage.show();
        window.overviewPane().graph().requestFocus(); // keys zoom and pan the graph; Ctrl+L reaches the search
        new ScriptedStart(model, window::writePng, window.overviewPane()::drawnLatest, status -> {
            quit.accept(status);
            stage.hide();
            Platform.exit();
        }, System.out, System.err).run(options);
        return console;
    }

    /** Builds the console for an interactive run (closing the window ends it). */
    public static ConsoleStage show(Stage stage, ConsoleServices services, LaunchOptions options) {
        return show(stage, services, options, status -> { });
    }

    private void closing(ConsolePreferences preferences) {
        model.close();
        double[] dividers = window.dividers();
        try {
            preferences.saveAll(
                    new ConsolePreferences.WindowState(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                            stage.isMaximized()),
                    new ConsolePreferences.Dividers(dividers[0], dividers[1]),
                    window.themeProperty().get() == Theme.DARK ? ConsolePreferences.Theme.DARK
                            : ConsolePreferences.Theme.LIGHT);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot remember the window in " + preferences.file(), e);
        }
    }

    public MainViewModel model() {
        return model;
    }

    public MainWindow window() {
        return window;
    }
}

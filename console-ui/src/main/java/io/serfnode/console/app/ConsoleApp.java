package io.serfnode.console.app;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: reads the command line and shows the console. */
public final class ConsoleApp extends Application {
    private static final AtomicInteger EXIT_STATUS = new AtomicInteger();

    @Override
    public void start(Stage stage) {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        ConsoleStage.show(stage, ConsoleServices.defaults(options.configDir()), options, EXIT_STATUS::set);
    }

    /** The status a scripted run ended with (0 for an interactive run). */
    public static int exitStatus() {
        return EXIT_STATUS.get();
    }
}

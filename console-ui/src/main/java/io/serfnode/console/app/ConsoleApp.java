package io.serfnode.console.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: reads the command line and shows the console. */
public final class ConsoleApp extends Application {

    @Override
    public void start(Stage stage) {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        ConsoleStage.show(stage, ConsoleServices.defaults(options.configDir()), options);
    }
}

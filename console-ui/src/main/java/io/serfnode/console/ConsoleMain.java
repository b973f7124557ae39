package io.serfnode.console;

import io.serfnode.console.app.ConsoleApp;
import io.serfnode.console.app.LaunchOptions;
import java.util.List;
import javafx.application.Application;

/** Entry point of {@code serfnode console}. */
public final class ConsoleMain {
    private ConsoleMain() {
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        try {
            LaunchOptions.parse(arguments);
        } catch (IllegalArgumentException wrong) {
            System.err.println("serfnode console: " + wrong.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
        }
        Application.launch(ConsoleApp.class, args);
        // a scripted run (--exit) reports how it went; the session's threads must not keep the JVM alive
        System.exit(ConsoleApp.exitStatus());
    }
}

package io.serfnode.console.app;

import io.serfnode.console.settings.ConsolePreferences;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The console's command line.
 *
 * @param connect     an agent URL to connect to at start
 * @param tokenFile   the token file for {@code connect}
 * @param snapshotPng where to write a PNG of the main window once the first snapshot is drawn
 * @param exit        quit once the PNG is written
 * @param configDir   where preferences, recent clusters and known agents are kept
 * @param theme       "light" or "dark", overriding the remembered theme
 */
public record LaunchOptions(Optional<String> connect, Optional<Path> tokenFile, Optional<Path> snapshotPng,
                            boolean exit, Path configDir, Optional<String> theme) {

    public static final String USAGE = """
            Usage: serfnode console [--connect URL --token-file FILE] [--snapshot-png FILE [--exit]]
                                    [--config-dir DIR] [--theme light|dark]
              --connect URL        connect to this agent at start (ws://HOST:PORT/v1/cluster)
              --token-file FILE    the cluster's API token, for --connect
              --snapshot-png FILE  write a PNG of the main window once the first snapshot is drawn
              --exit               quit after writing the PNG; the exit status is 0 when it was written,
                                   2 for a bad token file, 3 when the agent cannot be reached or refuses,
                                   4 when no snapshot arrives within 60 s, 5 when the PNG cannot be written
              --config-dir DIR     where preferences, recent clusters and known agents are kept
                                   (default $XDG_CONFIG_HOME/serfnode or ~/.config/serfnode)
              --theme light|dark   the look to start with""";

    public static Path defaultConfigDir() {
        return ConsolePreferences.defaultDirectory();
    }

    /** Reads the arguments; throws {@link IllegalArgumentException} naming the argument that is wrong. */
    public static LaunchOptions parse(List<String> args) {
        String connect = null;
        Path tokenFile = null;
        Path png = null;
        boolean exit = false;
        Path configDir = defaultConfigDir();
        String theme = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--connect" -> connect = value(args, ++i, arg);
                case "--token-file" -> tokenFile = Path.of(value(args, ++i, arg));
                case "--snapshot-png" -> png = Path.of(value(args, ++i, arg));
                case "--exit" -> exit = true;
                case "--config-dir" -> configDir = Path.of(value(args, ++i, arg));
                case "--theme" -> {
                    theme = value(args, ++i, arg);
                    if (!theme.equals("light") && !theme.equals("dark")) {
                        throw new IllegalArgumentException("--theme: expected light or dark, found '" + theme + "'");
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "' (see --help)");
            }
        }
        if (connect != null && tokenFile == null) {
            throw new IllegalArgumentException("--connect needs --token-file (the cluster's API token)");
        }
        if (tokenFile != null && connect == null) {
            throw new IllegalArgumentException("--token-file is only used with --connect");
        }
        if (exit && png == null) {
            throw new IllegalArgumentException("--exit is only used with --snapshot-png");
        }
        if (png != null && connect == null) {
            throw new IllegalArgumentException("--snapshot-png needs --connect: the PNG is written once the first "
                    + "snapshot is drawn");
        }
        return new LaunchOptions(Optional.ofNullable(connect), Optional.ofNullable(tokenFile), Optional.ofNullable(png),
                exit, configDir, Optional.ofNullable(theme));
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + ": missing value");
        }
        return args.get(index);
    }
}

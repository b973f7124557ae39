package io.serfnode.agent.support;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One line per log record on standard error: time, level, then {@code [member][component] message}. */
public final class LogSetup {
    private static final String FORMAT = "%1$tT.%1$tL %4$-7s %5$s%6$s%n";
    /** Held here: JUL keeps loggers only weakly, and a collected logger forgets the level set on it. */
    private static volatile Logger serfnodeLogger;

    private LogSetup() {
    }

    /** @param level JUL level name or one of debug, info, warn, error */
    public static void configure(String level) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", FORMAT);
        }
        Level parsed = parse(level);
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setLevel(parsed);
        root.addHandler(console);
        root.setLevel(Level.WARNING);
        serfnodeLogger = Logger.getLogger("serfnode");
        serfnodeLogger.setLevel(parsed);
    }

    static Level parse(String level) {
        return switch (level.toLowerCase(java.util.Locale.ROOT)) {
            case "debug" -> Level.FINE;
            case "info" -> Level.INFO;
            case "warn", "warning" -> Level.WARNING;
            case "error" -> Level.SEVERE;
            default -> throw new IllegalArgumentException("unknown log level '" + level + "' (use debug, info, warn or error)");
        };
    }
}

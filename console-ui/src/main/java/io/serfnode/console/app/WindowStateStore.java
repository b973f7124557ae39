package io.serfnode.console.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Remembers the window between runs in a small properties file. A missing or damaged file gives the
 * defaults: a window that opens is worth more than a remembered size.
 */
public final class WindowStateStore {
    private static final Logger LOG = Logger.getLogger(WindowStateStore.class.getName());
    private final Path file;

    public WindowStateStore(Path file) {
        this.file = file;
    }

    public static WindowStateStore in(Path configDir) {
        return new WindowStateStore(configDir.resolve("console-window.properties"));
    }

    public Path file() {
        return file;
    }

    public WindowState load() {
        if (!Files.isRegularFile(file)) {
            return WindowState.DEFAULT;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            WindowState d = WindowState.DEFAULT;
            return new WindowState(number(p, "x", d.x()), number(p, "y", d.y()),
                    Math.max(480, number(p, "width", d.width())), Math.max(360, number(p, "height", d.height())),
                    Boolean.parseBoolean(p.getProperty("maximized", "false")),
                    Boolean.parseBoolean(p.getProperty("dark", "false")),
                    fraction(p, "overviewDivider", d.overviewDivider()), fraction(p, "eventsDivider", d.eventsDivider()));
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "window state " + file + " unreadable, using defaults: " + e.getMessage());
            return WindowState.DEFAULT;
        }
    }

    public void save(WindowState state) throws IOException {
        Properties p = new Properties();
        p.setProperty("x", Double.toString(state.x()));
        p.setProperty("y", Double.toString(state.y()));
        p.setProperty("width", Double.toString(state.width()));
        p.setProperty("height", Double.toString(state.height()));
        p.setProperty("maximized", Boolean.toString(state.maximized()));
        p.setProperty("dark", Boolean.toString(state.dark()));
        p.setProperty("overviewDivider", Double.toString(state.overviewDivider()));
        p.setProperty("eventsDivider", Double.toString(state.eventsDivider()));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            p.store(out, "Serfnode console window");
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static double number(Properties p, String key, double fallback) {
        String value = p.getProperty(key);
        return value == null ? fallback : Double.parseDouble(value);
    }

    private static double fraction(Properties p, String key, double fallback) {
        double value = number(p, key, fallback);
        return value > 0.05 && value < 0.95 ? value : fallback;
    }
}

package io.serfnode.console.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The console's window state, divider positions and theme between runs, in one {@code console.properties}.
 * A missing or damaged entry reads as "nothing saved": a window that opens is worth more than a remembered size.
 */
public final class ConsolePreferences {
    public static final String FILE_NAME = "console.properties";

    /** The light or dark look. */
    public enum Theme { LIGHT, DARK }

    /** Where the main window was and how large. */
    public record WindowState(double x, double y, double width, double height, boolean maximized) {
        public WindowState {
            if (!(width > 0) || !(height > 0)) {
                throw new IllegalArgumentException("a window needs a positive size, found " + width + " x " + height);
            }
        }
    }

    /** Where the main window's split panes were divided, each a fraction strictly between 0 and 1. */
    public record Dividers(double overview, double events) {
        public Dividers {
            if (!(overview > 0 && overview < 1) || !(events > 0 && events < 1)) {
                throw new IllegalArgumentException("divider positions are fractions between 0 and 1, found "
                        + overview + " and " + events);
            }
        }
    }

    private final Path file;

    public ConsolePreferences(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    /** The preferences in the console's usual place ({@code ~/.config/serfnode}). */
    public static ConsolePreferences inDefaultDirectory() {
        return new ConsolePreferences(defaultDirectory());
    }

    /** {@code $XDG_CONFIG_HOME/serfnode}, else {@code ~/.config/serfnode}: where every console file lives. */
    public static Path defaultDirectory() {
        return SettingsFiles.defaultDirectory();
    }

    public Path file() {
        return file;
    }

    /** The window state saved last; empty when none was, or it cannot be read (a fresh window is fine then). */
    public synchronized Optional<WindowState> window() {
        Properties properties = readOrEmpty();
        try {
            return Optional.of(new WindowState(
                    Double.parseDouble(properties.getProperty("window.x")),
                    Double.parseDouble(properties.getProperty("window.y")),
                    Double.parseDouble(properties.getProperty("window.width")),
                    Double.parseDouble(properties.getProperty("window.height")),
                    Boolean.parseBoolean(properties.getProperty("window.maximized"))));
        } catch (NullPointerException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public synchronized void saveWindow(WindowState window) {
        Properties properties = readOrEmpty();
        putWindow(properties, window);
        save(properties);
    }

    /** The divider positions saved last; empty when none were, or they are damaged. */
    public synchronized Optional<Dividers> dividers() {
        Properties properties = readOrEmpty();
        try {
            return Optional.of(new Dividers(Double.parseDouble(properties.getProperty("dividers.overview")),
                    Double.parseDouble(properties.getProperty("dividers.events"))));
        } catch (NullPointerException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public synchronized void saveDividers(Dividers dividers) {
        Properties properties = readOrEmpty();
        putDividers(properties, dividers);
        save(properties);
    }

    /** Saves the whole look of the console in one write, as it closes. */
    public synchronized void saveAll(WindowState window, Dividers dividers, Theme theme) {
        Properties properties = readOrEmpty();
        putWindow(properties, window);
        putDividers(properties, dividers);
        properties.setProperty("theme", theme.name().toLowerCase(Locale.ROOT));
        save(properties);
    }

    private static void putWindow(Properties properties, WindowState window) {
        properties.setProperty("window.x", Double.toString(window.x()));
        properties.setProperty("window.y", Double.toString(window.y()));
        properties.setProperty("window.width", Double.toString(window.width()));
        properties.setProperty("window.height", Double.toString(window.height()));
        properties.setProperty("window.maximized", Boolean.toString(window.maximized()));
    }

    private static void putDividers(Properties properties, Dividers dividers) {
        properties.setProperty("dividers.overview", Double.toString(dividers.overview()));
        properties.setProperty("dividers.events", Double.toString(dividers.events()));
    }

    private Properties readOrEmpty() {
        try {
            return SettingsFiles.read(file);
        } catch (IllegalStateException damaged) {
            return new Properties();
        }
    }

    /** The theme chosen last; light when none was chosen or the value is unknown. */
    public synchronized Theme theme() {
        String value = readOrEmpty().getProperty("theme", "light");
        try {
            return Theme.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Theme.LIGHT;
        }
    }

    public synchronized void saveTheme(Theme theme) {
        Properties properties = readOrEmpty();
        properties.setProperty("theme", theme.name().toLowerCase(Locale.ROOT));
        save(properties);
    }

    private void save(Properties properties) {
        SettingsFiles.write(file, properties, "Serfnode console preferences", false);
    }
}

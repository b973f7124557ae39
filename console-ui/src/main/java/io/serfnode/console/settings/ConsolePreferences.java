package io.serfnode.console.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/** The console's window state and theme between runs, in {@code console.properties}. */
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

    private final Path file;

    public ConsolePreferences(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    /** The preferences in the console's usual place ({@code ~/.config/serfnode}). */
    public static ConsolePreferences inDefaultDirectory() {
        return new ConsolePreferences(SettingsFiles.defaultDirectory());
    }

    public Path file() {
        return file;
    }

    /** The window state saved last; empty when none was, or it cannot be read (a fresh window is fine then). */
    public synchronized Optional<WindowState> window() {
        Properties properties = SettingsFiles.read(file);
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
        Properties properties = SettingsFiles.read(file);
        properties.setProperty("window.x", Double.toString(window.x()));
        properties.setProperty("window.y", Double.toString(window.y()));
        properties.setProperty("window.width", Double.toString(window.width()));
        properties.setProperty("window.height", Double.toString(window.height()));
        properties.setProperty("window.maximized", Boolean.toString(window.maximized()));
        save(properties);
    }

    /** The theme chosen last; light when none was chosen or the value is unknown. */
    public synchronized Theme theme() {
        String value = SettingsFiles.read(file).getProperty("theme", "light");
        try {
            return Theme.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Theme.LIGHT;
        }
    }

    public synchronized void saveTheme(Theme theme) {
        Properties properties = SettingsFiles.read(file);
        properties.setProperty("theme", theme.name().toLowerCase(Locale.ROOT));
        save(properties);
    }

    private void save(Properties properties) {
        SettingsFiles.write(file, properties, "Serfnode console preferences", false);
    }
}

package io.serfnode.console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.console.settings.ConsolePreferences.Theme;
import io.serfnode.console.settings.ConsolePreferences.WindowState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsolePreferencesTest {
    @TempDir
    Path dir;

    @Test
    void remembersTheWindowAndTheThemeBetweenRuns() {
        ConsolePreferences preferences = new ConsolePreferences(dir);
        preferences.saveWindow(new WindowState(10, 20, 1280, 800, true));
        preferences.saveTheme(Theme.DARK);

        ConsolePreferences nextRun = new ConsolePreferences(dir);

        assertThat(nextRun.window()).contains(new WindowState(10, 20, 1280, 800, true));
        assertThat(nextRun.theme()).isEqualTo(Theme.DARK);
    }

    @Test
    void startsLightWithNoSavedWindow() {
        ConsolePreferences preferences = new ConsolePreferences(dir.resolve("fresh"));

        assertThat(preferences.window()).isEmpty();
        assertThat(preferences.theme()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void aDamagedWindowEntryGivesAFreshWindow() throws Exception {
        Files.writeString(dir.resolve(ConsolePreferences.FILE_NAME), "window.x=left\ntheme=neon\n");
        ConsolePreferences preferences = new ConsolePreferences(dir);

        assertThat(preferences.window()).isEmpty();
        assertThat(preferences.theme()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void remembersWindowDividersAndThemeInOneFile() {
        ConsolePreferences preferences = new ConsolePreferences(dir);
        preferences.saveAll(new WindowState(0, 0, 1400, 900, false), new ConsolePreferences.Dividers(0.5, 0.7),
                Theme.DARK);

        ConsolePreferences nextRun = new ConsolePreferences(dir);

        assertThat(nextRun.window()).contains(new WindowState(0, 0, 1400, 900, false));
        assertThat(nextRun.dividers()).contains(new ConsolePreferences.Dividers(0.5, 0.7));
        assertThat(nextRun.theme()).isEqualTo(Theme.DARK);
        assertThat(dir.toFile().list()).containsExactly(ConsolePreferences.FILE_NAME);
    }

    @Test
    void dividersOutsideTheWindowAreForgotten() throws Exception {
        Files.writeString(dir.resolve(ConsolePreferences.FILE_NAME), "dividers.overview=1.5\ndividers.events=0.6\n");

        assertThat(new ConsolePreferences(dir).dividers()).isEmpty();
    }
}

package io.serfnode.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowStateStoreTest {
    @TempDir
    Path dir;

    @Test
    void remembersTheWindowBetweenRuns() throws IOException {
        WindowStateStore store = WindowStateStore.in(dir.resolve("serfnode"));
        WindowState state = new WindowState(10, 20, 1400, 900, false, true, 0.5, 0.7);

        store.save(state);

        assertThat(WindowStateStore.in(dir.resolve("serfnode")).load()).isEqualTo(state);
    }

    @Test
    void aMissingOrDamagedFileGivesTheDefaults() throws IOException {
        WindowStateStore store = WindowStateStore.in(dir);
        assertThat(store.load()).isEqualTo(WindowState.DEFAULT);

        Files.writeString(store.file(), "width=wide\n");
        assertThat(store.load()).isEqualTo(WindowState.DEFAULT);
    }
}

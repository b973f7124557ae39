package io.serfnode.agent.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.agent.support.ComponentLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A child of an agent that ignores signals gets them back at their defaults through the runtime's prefix. */
class DefaultSignalsIT {
    private static final ComponentLog LOG = ComponentLog.of("test", "process-runtime");

    @Test
    void aChildOfAParentIgnoringIntAndHupGetsThemBackAtTheirDefaults() throws Exception {
        List<String> prefix = ProcessRuntime.defaultSignals(EnumSet.of(UnixSignal.INT, UnixSignal.HUP), LOG);
        assertThat(prefix).as("env understands --default-signal here").isNotEmpty();

        Set<UnixSignal> withoutPrefix = ignoredByAChildOfAParentIgnoring(List.of());
        Set<UnixSignal> withPrefix = ignoredByAChildOfAParentIgnoring(prefix);

        assertThat(withoutPrefix).as("inherited from the parent").contains(UnixSignal.INT, UnixSignal.HUP);
        assertThat(withPrefix).doesNotContain(UnixSignal.INT, UnixSignal.HUP);
    }

    @Test
    void addsNothingForAnAgentThatIgnoresNoSignal() {
        assertThat(ProcessRuntime.defaultSignals(EnumSet.noneOf(UnixSignal.class), LOG)).isEmpty();
    }

    /** Runs {@code prefix cat /proc/self/status} under a shell that ignores INT and HUP, as nohup and {@code &} do. */
    private static Set<UnixSignal> ignoredByAChildOfAParentIgnoring(List<String> prefix)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "trap '' INT HUP; exec \"$@\"", "sh"));
        command.addAll(prefix);
        command.addAll(List.of("/bin/cat", "/proc/self/status"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String status = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("output: %s", status).isZero();
        return IgnoredSignals.parse(status);
    }
}

package io.serfnode.agent.runtime.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the process runtime keeps its children.
 *
 * <p>Layout under {@code stateDir}: {@code children/<child>/} (the default working directory),
 * {@code logs/<child>.stdout.log} and {@code logs/<child>.stderr.log} (with rotated {@code .1}, {@code .2} …),
 * {@code process-runtime/<child>.instance} (the record of a running instance).
 *
 * @param stateDir   the member's state directory
 * @param logs       how log files rotate
 * @param drainWait  how long an exit report waits for the last output of an exited child to reach its log
 */
public record ProcessRuntimeConfig(Path stateDir, LogRotation logs, Duration drainWait) {

    public ProcessRuntimeConfig {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(logs, "logs");
        Objects.requireNonNull(drainWait, "drainWait");
        if (drainWait.isNegative()) {
            throw new IllegalArgumentException("drainWait must not be negative, found " + drainWait);
        }
    }

    /** Default rotation (10 MiB × 3) and a two-second drain in {@code stateDir}. */
    public static ProcessRuntimeConfig in(Path stateDir) {
        return new ProcessRuntimeConfig(stateDir, LogRotation.DEFAULT, Duration.ofSeconds(2));
    }

    public ProcessRuntimeConfig withLogs(LogRotation value) {
        return new ProcessRuntimeConfig(stateDir, value, drainWait);
    }

    public ProcessRuntimeConfig withDrainWait(Duration value) {
        return new ProcessRuntimeConfig(stateDir, logs, value);
    }

    Path workingDirOf(String child) {
        return stateDir.resolve("children").resolve(child);
    }

    Path stdoutLogOf(String child) {
        return stateDir.resolve("logs").resolve(child + ".stdout.log");
    }

    Path stderrLogOf(String child) {
        return stateDir.resolve("logs").resolve(child + ".stderr.log");
    }

    Path recordsDir() {
        return stateDir.resolve("process-runtime");
    }
}

package io.serfnode.agent.serf.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How serf agents are launched on this machine, as opposed to how each one is configured ({@link SerfAgentConfig}).
 *
 * @param binary         the serf executable: a path, or a bare name looked up on {@code PATH}
 * @param runDirectory   where config files are written (created owner-only if missing)
 * @param outputLines    how many recent output lines each process keeps for error reports
 * @param readinessProbe what {@link SerfAgentProcess#awaitReady} waits for
 * @param probeInterval  pause between two readiness probes
 * @param closeTimeout   how long {@link SerfAgentProcess#close()} waits for a graceful leave before killing
 */
public record SerfLaunchSettings(
        String binary,
        Path runDirectory,
        int outputLines,
        ReadinessProbe readinessProbe,
        Duration probeInterval,
        Duration closeTimeout) {

    public SerfLaunchSettings {
        if (binary == null || binary.isBlank()) {
            throw new IllegalArgumentException("serf launch settings: binary is missing");
        }
        Objects.requireNonNull(runDirectory, "serf launch settings: runDirectory");
        if (outputLines < 1) {
            throw new IllegalArgumentException("serf launch settings: outputLines must be at least 1, was " + outputLines);
        }
        Objects.requireNonNull(readinessProbe, "serf launch settings: readinessProbe");
        requirePositive(probeInterval, "probeInterval");
        requirePositive(closeTimeout, "closeTimeout");
    }

    /** {@code serf} from {@code PATH}, 200 lines of output kept, TCP readiness probe, 5 s graceful close. */
    public static SerfLaunchSettings defaults(Path runDirectory) {
        return new SerfLaunchSettings("serf", runDirectory, 200, TcpConnectProbe.withDefaults(), Duration.ofMillis(50),
                Duration.ofSeconds(5));
    }

    public SerfLaunchSettings withBinary(String value) {
        return new SerfLaunchSettings(value, runDirectory, outputLines, readinessProbe, probeInterval, closeTimeout);
    }

    public SerfLaunchSettings withRunDirectory(Path value) {
        return new SerfLaunchSettings(binary, value, outputLines, readinessProbe, probeInterval, closeTimeout);
    }

    public SerfLaunchSettings withOutputLines(int value) {
        return new SerfLaunchSettings(binary, runDirectory, value, readinessProbe, probeInterval, closeTimeout);
    }

    public SerfLaunchSettings withReadinessProbe(ReadinessProbe value) {
        return new SerfLaunchSettings(binary, runDirectory, outputLines, value, probeInterval, closeTimeout);
    }

    public SerfLaunchSettings withProbeInterval(Duration value) {
        return new SerfLaunchSettings(binary, runDirectory, outputLines, readinessProbe, value, closeTimeout);
    }

    public SerfLaunchSettings withCloseTimeout(Duration value) {
        return new SerfLaunchSettings(binary, runDirectory, outputLines, readinessProbe, probeInterval, value);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("serf launch settings: " + name + " must be positive, was " + value);
        }
    }
}

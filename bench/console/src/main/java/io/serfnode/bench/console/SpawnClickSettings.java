package io.serfnode.bench.console;

import io.serfnode.model.RuntimeKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the spawn-from-the-click benchmark does.
 *
 * @param runs           spawns per runtime, one new member each
 * @param runtimes       the runtimes measured, in order
 * @param image          the member image of Docker members
 * @param processClick   what is pressed for a process member (a Docker member needs the Spawn dialog, where the
 *                       runtime is chosen)
 * @param clusterSize    members of the cluster started before the first spawn (the spawner among them)
 * @param profile        serf's timing profile for the cluster, which spawned members inherit
 * @param pauseSeconds   the wait after one new member showed before the next click, so that its start does not
 *                       overlap the next measurement
 * @param timeoutSeconds how long one spawn may take to show before the run is given up
 * @param agentJavaOptions JVM options for the cluster's agents beyond the agent's own flags (as {@code bin/serfnode}); given
 *                       as {@code JAVA_TOOL_OPTIONS}, which the process members they spawn inherit too
 * @param out            where the results are written
 */
record SpawnClickSettings(int runs, List<RuntimeKind> runtimes, String image, ClickTarget processClick,
                          int clusterSize, String profile, double pauseSeconds, double timeoutSeconds,
                          String agentJavaOptions, Path out) {
    static final String DEFAULT_IMAGE = "serfnode/member:latest";
    private static final List<String> PROFILES = List.of("lan", "wan", "local");

    SpawnClickSettings {
        runtimes = List.copyOf(runtimes);
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(processClick, "processClick");
        Objects.requireNonNull(agentJavaOptions, "agentJavaOptions");
        Objects.requireNonNull(out, "out");
        if (runs < 1 || runs > 100) {
            throw new IllegalArgumentException("--runs: between 1 and 100, was " + runs);
        }
        if (runtimes.isEmpty()) {
            throw new IllegalArgumentException("--runtimes: name at least one of process, docker");
        }
        if (clusterSize < 1 || clusterSize > 20) {
            throw new IllegalArgumentException("--cluster-size: between 1 and 20, was " + clusterSize);
        }
        if (!PROFILES.contains(profile)) {
            throw new IllegalArgumentException("--profile: expected one of " + String.join(", ", PROFILES)
                    + ", was '" + profile + "'");
        }
        if (!(pauseSeconds >= 0) || !(timeoutSeconds > 0)) {
            throw new IllegalArgumentException("--pause-seconds must be 0 or more and --timeout-seconds positive, were "
                    + pauseSeconds + " and " + timeoutSeconds);
        }
        if (image.isBlank()) {
            throw new IllegalArgumentException("--image: needs an image name");
        }
    }

    /** The measurement: 10 spawns of each runtime, the process member by "+1 like this". */
    static SpawnClickSettings defaults() {
        return new SpawnClickSettings(10, List.of(RuntimeKind.PROCESS, RuntimeKind.DOCKER), DEFAULT_IMAGE,
                ClickTarget.LIKE_BUTTON, 3, "local", 3, 90, "", Path.of("bench/console/target/spawn-bench"));
    }

    /** What is pressed to spawn a member of {@code runtime}. */
    ClickTarget clickFor(RuntimeKind runtime) {
        return runtime == RuntimeKind.PROCESS ? processClick : ClickTarget.SPAWN_DIALOG;
    }

    SpawnClickSettings withRuns(int value) {
        return new SpawnClickSettings(value, runtimes, image, processClick, clusterSize,
                profile, pauseSeconds, timeoutSeconds, agentJavaOptions, out);
    }

    SpawnClickSettings withRuntimes(List<RuntimeKind> value) {
        return new SpawnClickSettings(runs, value, image, processClick, clusterSize,
                profile, pauseSeconds, timeoutSeconds, agentJavaOptions, out);
    }

    SpawnClickSettings withImage(String value) {
        return new SpawnClickSettings(runs, runtimes, value, processClick, clusterSize,
                profile, pauseSeconds, timeoutSeconds, agentJavaOptions, out);
    }

    SpawnClickSettings withProcessClick(ClickTarget value) {
        return new SpawnClickSettings(runs, runtimes, image, value, clusterSize,
                profile, pauseSeconds, timeoutSeconds, agentJavaOptions, out);
    }

    SpawnClickSettings withClusterSize(int value) {
        return new SpawnClickSettings(runs, runtimes, image, processClick, value,
                profile, pauseSeconds, timeoutSeconds, agentJavaOptions, out);
    }

    SpawnClickSettings withProfile(String value) {
        return new SpawnClickSettings(runs, runtimes, image, processClick, clusterSize,
                value, pauseSeconds, timeoutSeconds, agentJavaOptions, out);
    }

    SpawnClickSettings withPauseSeconds(double value) {
        return new SpawnClickSettings(runs, runtimes, image, processClick, clusterSize,
                profile, value, timeoutSeconds, agentJavaOptions, out);
    }

    SpawnClickSettings withTimeoutSeconds(double value) {
        return new SpawnClickSettings(runs, runtimes, image, processClick, clusterSize,
                profile, pauseSeconds, value, agentJavaOptions, out);
    }

    SpawnClickSettings withAgentJavaOptions(String value) {
        return new SpawnClickSettings(runs, runtimes, image, processClick, clusterSize,
                profile, pauseSeconds, timeoutSeconds, value, out);
    }

    SpawnClickSettings withOut(Path value) {
        return new SpawnClickSettings(runs, runtimes, image, processClick, clusterSize,
                profile, pauseSeconds, timeoutSeconds, agentJavaOptions, value);
    }

    static final String USAGE = "bench/console/run --bench spawn [--runs 10] [--runtimes process,docker]"
            + " [--image serfnode/member:latest] [--process-click like|dialog] [--cluster-size 3]"
            + " [--profile local|lan|wan] [--pause-seconds 3] [--timeout-seconds 90] [--agent-java-options '…']"
            + " [--out DIR]";

    /** Reads the command line; a wrong option or value is named in the exception's message. */
    static SpawnClickSettings parse(List<String> args) {
        SpawnClickSettings settings = defaults();
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + ": needs a value (" + USAGE + ")");
            }
            String value = args.get(++i);
            settings = switch (option) {
                case "--runs" -> settings.withRuns(whole(option, value));
                case "--runtimes" -> settings.withRuntimes(runtimes(option, value));
                case "--image" -> settings.withImage(value);
                case "--process-click" -> settings.withProcessClick(ClickTarget.parse(option, value));
                case "--cluster-size" -> settings.withClusterSize(whole(option, value));
                case "--profile" -> settings.withProfile(value);
                case "--pause-seconds" -> settings.withPauseSeconds(number(option, value));
                case "--timeout-seconds" -> settings.withTimeoutSeconds(number(option, value));
                case "--agent-java-options" -> settings.withAgentJavaOptions(value.strip());
                case "--out" -> settings.withOut(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option '" + option + "' (" + USAGE + ")");
            };
        }
        return settings;
    }

    private static List<RuntimeKind> runtimes(String option, String value) {
        LinkedHashSet<RuntimeKind> kinds = new LinkedHashSet<>();
        for (String word : value.split(",")) {
            String name = word.strip().toLowerCase(Locale.ROOT);
            RuntimeKind found = null;
            for (RuntimeKind kind : RuntimeKind.values()) {
                if (kind.wireName().equals(name)) {
                    found = kind;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException(option + ": '" + word.strip()
                        + "' is not one of process, docker (was '" + value + "')");
            }
            kinds.add(found);
        }
        return new ArrayList<>(kinds);
    }

    private static int whole(String option, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": expected a whole number, was '" + value + "'");
        }
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": expected a number, was '" + value + "'");
        }
    }
}

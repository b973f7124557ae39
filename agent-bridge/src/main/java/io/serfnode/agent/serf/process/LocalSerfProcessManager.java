package io.serfnode.agent.serf.process;

import io.serfnode.agent.support.ComponentLog;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Starts {@code serf agent} as a child process of this JVM, one config file per agent in the run directory. */
public final class LocalSerfProcessManager implements SerfProcessManager {
    /** Serf never reads its stdin. */
    private static final File NO_INPUT = new File("/dev/null");

    private final SerfLaunchSettings settings;

    public LocalSerfProcessManager(SerfLaunchSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public SerfLaunchSettings settings() {
        return settings;
    }

    @Override
    public SerfAgentProcess start(SerfAgentConfig config) {
        Path binary = SerfBinary.resolve(settings.binary());
        Path configFile = configFileOf(config);
        createDirectory(settings.runDirectory(), "run directory");
        if (config.snapshotPath() != null) {
            // serf creates the snapshot file but not its directory
            createDirectory(config.snapshotPath().toAbsolutePath().getParent(), "snapshot directory");
        }
        SerfConfigFile.write(config, configFile);
        ComponentLog log = ComponentLog.of(config.nodeName(), "serf");
        List<String> command = List.of(binary.toString(), "agent", "-config-file=" + configFile.toAbsolutePath());
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(settings.runDirectory().toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT))
                    .start();
        } catch (IOException e) {
            throw new SerfStartupException("cannot start " + String.join(" ", command) + ": " + e.getMessage(), List.of(), e);
        }
        try {
            ParentDeathWatch watch = ParentDeathWatch.start(process.pid());
            process.onExit().thenRun(watch::release);
        } catch (IOException e) {
            process.toHandle().destroyForcibly();
            throw new SerfStartupException("cannot watch serf agent pid " + process.pid()
                    + " so that it ends with this JVM: " + e.getMessage(), List.of(), e);
        }
        log.info("started serf agent pid %d: bind %s, rpc %s", process.pid(), config.bind(), config.rpcAddress());
        return new LocalSerfAgentProcess(config, settings, process, log);
    }

    private static void createDirectory(Path directory, String purpose) {
        try {
            OwnerOnlyFiles.createPrivateDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create serf " + purpose + " " + directory, e);
        }
    }

    /** The config file of a node; its name is derived from the node name, made safe for a file name. */
    public Path configFileOf(SerfAgentConfig config) {
        return settings.runDirectory().resolve("serf-" + config.nodeName().replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
    }
}

package io.serfnode.agent.spawn;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to start {@code serfnode} in a JVM of its own: everything before the sub-command ({@code java … -m
 * io.serfnode.agent/…}).
 *
 * @param java       the java launcher
 * @param jvmOptions the JVM's options
 * @param main       what to run: the module path and main module, or the class path and main class
 */
public record AgentLauncher(String java, List<String> jvmOptions, List<String> main) {
    static final String MAIN_MODULE = "io.serfnode.agent";
    static final String MAIN_CLASS = "io.serfnode.agent.cli.SerfnodeCommand";
    /** The log manager keeps logging while the member shuts down (its children stopping, its leave). */
    static final String LOG_MANAGER = "-Djava.util.logging.manager=io.serfnode.agent.support.ShutdownSafeLogManager";

    public AgentLauncher {
        Objects.requireNonNull(java, "java");
        jvmOptions = List.copyOf(Objects.requireNonNull(jvmOptions, "jvmOptions"));
        main = List.copyOf(Objects.requireNonNull(main, "main"));
        if (main.isEmpty()) {
            throw new IllegalArgumentException("an agent launcher needs the main module or class to run");
        }
    }

    /**
     * The JVM this agent runs in, with its tuning flags and its module path (or class path when it runs from
     * one): a spawned member runs exactly the code of its spawner, the way its spawner runs, wherever that came
     * from, without needing {@code bin/serfnode}.
     */
    public static AgentLauncher current() {
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("the path of this JVM's java launcher is unknown, "
                        + "so no member process can be spawned"));
        List<String> options = new ArrayList<>(inheritedFlags(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        options.add(LOG_MANAGER);
        String modulePath = System.getProperty("jdk.module.path");
        List<String> main = modulePath != null && !modulePath.isBlank()
                ? List.of("-p", modulePath, "-m", MAIN_MODULE + "/" + MAIN_CLASS)
                : List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS);
        return new AgentLauncher(java, options, main);
    }

    /**
     * The spawner's heap, collector, compiler and class-sharing flags ({@code -Xms}, {@code -Xmx}, {@code -Xss},
     * {@code -XX:…}), which decide how fast and how small a member JVM is; not what records or debugs this JVM.
     */
    static List<String> inheritedFlags(List<String> inputArguments) {
        List<String> flags = new ArrayList<>();
        for (String argument : inputArguments) {
            boolean tuning = argument.startsWith("-Xms") || argument.startsWith("-Xmx") || argument.startsWith("-Xss")
                    || argument.startsWith("-XX:");
            boolean ownRecording = argument.startsWith("-XX:StartFlightRecording")
                    || argument.startsWith("-XX:AOTCacheOutput") || argument.startsWith("-XX:AOTMode")
                    || argument.startsWith("-XX:ArchiveClassesAtExit") || argument.startsWith("-XX:+HeapDumpOnOutOfMemoryError")
                    || argument.startsWith("-XX:HeapDumpPath") || argument.startsWith("-XX:ErrorFile");
            if (tuning && !ownRecording) {
                flags.add(argument);
            }
        }
        return flags;
    }

    /** The command line up to the sub-command. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(main);
        return command;
    }
}

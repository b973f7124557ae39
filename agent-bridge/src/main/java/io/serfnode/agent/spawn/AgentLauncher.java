package io.serfnode.agent.spawn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to start {@code serfnode} in a JVM of its own: everything before the sub-command ({@code java … -m
 * io.serfnode.agent/…}).
 *
 * @param command the java launcher and its options, ending with the main module or class
 */
public record AgentLauncher(List<String> command) {
    static final String MAIN_MODULE = "io.serfnode.agent";
    static final String MAIN_CLASS = "io.serfnode.agent.cli.SerfnodeCommand";

    public AgentLauncher {
        command = List.copyOf(Objects.requireNonNull(command, "command"));
        if (command.isEmpty()) {
            throw new IllegalArgumentException("an agent launcher needs at least the java program");
        }
    }

    /**
     * The JVM this agent runs in, with its module path (or class path when it runs from one): a spawned member
     * runs exactly the code of its spawner, wherever that came from, without needing {@code bin/serfnode}.
     */
    public static AgentLauncher current() {
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("the path of this JVM's java launcher is unknown, "
                        + "so no member process can be spawned"));
        List<String> command = new ArrayList<>(List.of(java,
                // the log manager keeps logging while the member shuts down (its children stopping, its leave)
                "-Djava.util.logging.manager=io.serfnode.agent.support.ShutdownSafeLogManager"));
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null && !modulePath.isBlank()) {
            command.addAll(List.of("-p", modulePath, "-m", MAIN_MODULE + "/" + MAIN_CLASS));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS));
        }
        return new AgentLauncher(command);
    }
}

package io.serfnode.bench.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Serfnode checkout the agent is run from, and the two ways of starting it. */
public record Checkout(Path root, Path jdk) {
    static final String LOG_MANAGER = "-Djava.util.logging.manager=io.serfnode.agent.support.ShutdownSafeLogManager";
    static final String MAIN = "io.serfnode.agent/io.serfnode.agent.cli.SerfnodeCommand";

    /** Checks that the checkout is built, and finds the JDK the way {@code bin/serfnode} does. */
    public static Checkout at(Path root) throws IOException, InterruptedException {
        if (!Files.isExecutable(root.resolve("bin/serfnode"))) {
            throw new IllegalArgumentException(root + " is not a Serfnode checkout (no executable bin/serfnode)");
        }
        Process find = new ProcessBuilder(root.resolve("scripts/find-jdk").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String jdk = new String(find.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (find.waitFor() != 0 || jdk.isEmpty()) {
            throw new IllegalStateException("scripts/find-jdk found no JDK 21+");
        }
        Checkout checkout = new Checkout(root, Path.of(jdk));
        checkout.agentJar();
        return checkout;
    }

    Path agentJar() throws IOException {
        Path target = root.resolve("agent-bridge/target");
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "serfnode-agent-*.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // reported below with the fix
        }
        throw new IllegalStateException("no agent jar in " + target + "; build it first (mvn -DskipTests package)");
    }

    /** The command that starts {@code serfnode} with {@code args}, launched as {@code mode} says. */
    List<String> command(LaunchMode mode, List<String> jvmFlags, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        if (mode == LaunchMode.LAUNCHER) {
            command.add(root.resolve("bin/serfnode").toString());
        } else {
            // the same java command line bin/serfnode ends with (keep the two in step)
            command.add(jdk.resolve("bin/java").toString());
            command.addAll(jvmFlags);
            command.add(LOG_MANAGER);
            command.add("-p");
            command.add(agentJar() + ":" + root.resolve("agent-bridge/target/lib"));
            command.add("-m");
            command.add(MAIN);
        }
        command.addAll(args);
        return command;
    }
}

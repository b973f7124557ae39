package io.serfnode.agent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code serfnode} command; sub-commands do the work. */
@Command(name = "serfnode", mixinStandardHelpOptions = true, versionProvider = SerfnodeVersion.class,
        description = "Master-less cluster agent over HashiCorp Serf.")
public final class SerfnodeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing sub-command: agent or demo");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SerfnodeCommand()).execute(args));
    }
}

package io.serfnode.agent.cli;

import io.serfnode.agent.support.ShutdownSafeLogManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code serfnode} command; sub-commands do the work. */
@Command(name = "serfnode", mixinStandardHelpOptions = true, versionProvider = SerfnodeVersion.class,
        description = "Master-less cluster agent over HashiCorp Serf.",
        subcommands = {AgentCommand.class, DemoCommand.class})
public final class SerfnodeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing sub-command: agent or demo");
    }

    public static void main(String[] args) {
        ShutdownSafeLogManager.install();
        System.exit(commandLine().execute(args));
    }

    /** The command line with its sub-commands; bad usage prints the reason and a hint, not the whole help. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SerfnodeCommand());
        commandLine.setParameterExceptionHandler((problem, args) -> {
            CommandLine failed = problem.getCommandLine();
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + problem.getMessage());
            failed.getErr().println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for the options.");
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        return commandLine;
    }
}

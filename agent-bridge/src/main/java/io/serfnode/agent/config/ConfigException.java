package io.serfnode.agent.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration that must not be used: every problem found, each with its place. Nothing has been started
 * when this is thrown; the command line reports {@link #getMessage()} and exits with status 2.
 */
public final class ConfigException extends Exception {
    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** In file order; problems with environment variables follow those in the file. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        return problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
    }
}

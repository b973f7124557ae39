package io.serfnode.agent.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one load, so that an operator fixes a file in one round, not one per run. */
final class Problems {
    private final String source;
    private final List<ConfigProblem> found = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    void at(Mark mark, String message) {
        at(mark, message, null);
    }

    /** The same problem at the same place is kept once, however many children a default reaches. */
    void at(Mark mark, String message, String suggestion) {
        ConfigProblem problem = new ConfigProblem(source, mark.line(), mark.column(), message, suggestion);
        if (!found.contains(problem)) {
            found.add(problem);
        }
    }

    /** A problem with the whole source, such as a file that cannot be read. */
    void whole(String message) {
        found.add(new ConfigProblem(source, 0, 0, message, null));
    }

    void inVariable(String variable, String message) {
        found.add(new ConfigProblem("environment variable " + variable, 0, 0, message, null));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    int size() {
        return found.size();
    }

    /** Throws when anything was found: problems in the text by position, then the others as found. */
    void throwIfAny() throws ConfigException {
        if (found.isEmpty()) {
            return;
        }
        List<ConfigProblem> ordered = new ArrayList<>(found);
        ordered.sort(Comparator.comparing((ConfigProblem problem) -> !problem.source().equals(source))
                .thenComparing(problem -> !problem.hasPosition())
                .thenComparingInt(ConfigProblem::line)
                .thenComparingInt(ConfigProblem::column));
        throw new ConfigException(ordered);
    }
}

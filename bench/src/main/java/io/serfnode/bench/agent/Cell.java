package io.serfnode.bench.agent;

import java.util.Map;

/** One row of the results: a JVM profile, the children's {@code startsecs}, and how the agent is launched. */
public record Cell(JvmProfile profile, int startsecs, LaunchMode launch) {

    public Cell {
        if (startsecs < 0) {
            throw new IllegalArgumentException("startsecs must be 0 or more, not " + startsecs);
        }
    }

    /** Parses {@code PROFILE,STARTSECS[,launcher|direct]} against the known profiles. */
    public static Cell parse(String spec, Map<String, JvmProfile> profiles) {
        String where = "--cell '" + spec + "'";
        String[] parts = spec.split(",", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException(where + ": expected PROFILE,STARTSECS[,launcher|direct]");
        }
        JvmProfile profile = profiles.get(parts[0].trim());
        if (profile == null) {
            throw new IllegalArgumentException(where + ": unknown profile '" + parts[0].trim() + "'; known: "
                    + String.join(", ", profiles.keySet()) + " (add one with --define)");
        }
        int startsecs;
        try {
            startsecs = Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": startsecs '" + parts[1].trim() + "' is not a whole number");
        }
        LaunchMode launch = parts.length == 3 ? LaunchMode.parse(parts[2].trim(), where) : LaunchMode.LAUNCHER;
        return new Cell(profile, startsecs, launch);
    }

    public String label() {
        return profile.name() + ", startsecs " + startsecs + ", " + launch.label();
    }
}

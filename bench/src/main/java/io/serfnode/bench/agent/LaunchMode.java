package io.serfnode.bench.agent;

/** How the measured member is started. */
public enum LaunchMode {
    /** {@code bin/serfnode agent …}, as an operator starts it: includes the launcher's search for a JDK. */
    LAUNCHER,
    /** The JDK's {@code java} with the arguments {@code bin/serfnode} passes it: the JVM and the agent alone. */
    DIRECT;

    static LaunchMode parse(String text, String where) {
        return switch (text) {
            case "launcher" -> LAUNCHER;
            case "direct" -> DIRECT;
            default -> throw new IllegalArgumentException(where + ": launch '" + text + "' is not one of launcher, direct");
        };
    }

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package io.serfnode.console;

/** Entry point of {@code serfnode console}. */
public final class ConsoleMain {
    private ConsoleMain() {
    }

    public static void main(String[] args) {
        System.err.println("serfnode console: the operator console is not part of this build yet; "
                + "use `serfnode agent` and `serfnode demo`.");
        System.exit(2);
    }
}

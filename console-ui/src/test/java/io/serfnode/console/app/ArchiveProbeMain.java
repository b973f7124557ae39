package io.serfnode.console.app;

/** A program for a JVM to archive the classes of: {@link ConsoleJvmOptionsIT} runs it from a jar of its own. */
public final class ArchiveProbeMain {
    private ArchiveProbeMain() {
    }

    public static void main(String[] args) {
        System.out.println("probe ran");
    }
}

package io.serfnode.agent.cli;

import java.io.IOException;
import java.io.InputStream;

/**
 * Ends a spawned member when its spawner is gone. The spawner holds the pipe to the member's standard input
 * open as long as it lives; the operating system closes it when the spawner ends, however it ends (even by
 * SIGKILL), and the member then leaves the cluster through its normal shutdown.
 */
final class OwnerWatch {
    private OwnerWatch() {
    }

    static void exitWhenStandardInputCloses() {
        Thread.ofPlatform().daemon().name("owner-watch").start(() -> {
            byte[] ignored = new byte[256];
            try (InputStream in = System.in) {
                while (in.read(ignored) >= 0) {
                    // whatever the spawner writes means nothing; only the end counts
                }
            } catch (IOException e) {
                // a broken pipe is an end too
            }
            System.err.println("serfnode agent: the member that spawned this one is gone; leaving the cluster");
            System.exit(0);
        });
    }
}

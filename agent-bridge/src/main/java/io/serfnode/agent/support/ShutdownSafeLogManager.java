package io.serfnode.agent.support;

import java.util.logging.LogManager;

/**
 * A LogManager that keeps its handlers while the JVM shuts down. The standard one closes every handler
 * in a shutdown hook of its own, which runs at the same time as ours, so a member's last log lines (its
 * children stopping, its graceful leave) would be lost. {@link #resetAfterShutdown()} does it at the end.
 */
public final class ShutdownSafeLogManager extends LogManager {
    private volatile boolean shuttingDownDone;

    @Override
    public void reset() {
        if (shuttingDownDone || !isShuttingDown()) {
            super.reset();
        }
    }

    /** Called by our own shutdown hook once it logged its last line. */
    public void resetAfterShutdown() {
        shuttingDownDone = true;
        super.reset();
    }

    /** Installs this manager; must run before anything logs. */
    public static void install() {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", ShutdownSafeLogManager.class.getName());
        }
    }

    /** Flushes and closes the handlers, if this manager is the one in use. */
    public static void finish() {
        if (LogManager.getLogManager() instanceof ShutdownSafeLogManager manager) {
            manager.resetAfterShutdown();
        }
    }

    private static boolean isShuttingDown() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        }
    }
}

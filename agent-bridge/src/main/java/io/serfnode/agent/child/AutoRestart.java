package io.serfnode.agent.child;

/** When a child that exited from RUNNING is started again (supervisord's {@code autorestart}). */
public enum AutoRestart {
    /** Always restarted. */
    TRUE,
    /** Never restarted; it stays EXITED. */
    FALSE,
    /** Restarted only when its exit code is not one of the expected {@code exitcodes}. */
    UNEXPECTED
}

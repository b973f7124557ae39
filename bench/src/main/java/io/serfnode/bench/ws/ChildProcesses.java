package io.serfnode.bench.ws;

import io.serfnode.agent.member.MemberAgent;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ends the members a harness started, then kills by PID every process this JVM started that is still alive
 * (serf agents and children that did not stop with their member).
 */
final class ChildProcesses {
    private ChildProcesses() {
    }

    static void closeAll(List<MemberAgent> agents, PrintStream out) {
        for (MemberAgent agent : agents) {
            try {
                agent.close();
            } catch (RuntimeException e) {
                out.println("closing member " + agent.name() + " failed: " + e);
            }
        }
        killRemaining(out);
    }

    static void killRemaining(PrintStream out) {
        for (ProcessHandle process : ProcessHandle.current().descendants().toList()) {
            out.println("killing leftover process " + process.pid() + " " + process.info().command().orElse(""));
            process.destroyForcibly();
            try {
                process.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                out.println("process " + process.pid() + " did not end: " + e);
            }
        }
    }
}

package io.serfnode.agent.faults;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Prints the end of every agent's log when a test fails, before the agents are ended: a failure in a clean
 * checkout (where the log files go with the checkout) then shows what the agents did.
 */
final class AgentLogsOnFailure implements AfterTestExecutionCallback {
    static final int LINES = 400;

    private final Supplier<AgentJvms> agents;

    AgentLogsOnFailure(Supplier<AgentJvms> agents) {
        this.agents = agents;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        AgentJvms current = agents.get();
        if (context.getExecutionException().isPresent() && current != null) {
            System.out.print(current.logTails(LINES));
        }
    }
}

/** The serfnode agent: Serf RPC client, serf process manager and the member agent. */
module io.serfnode.agent {
    requires io.serfnode.model;
    requires msgpack.core; // automatic module, named after its jar
    requires info.picocli;
    requires java.logging;

    exports io.serfnode.agent.cli;
    exports io.serfnode.agent.member;
    exports io.serfnode.agent.serf.process;
    exports io.serfnode.agent.support;
    exports io.serfnode.agent.child;
    exports io.serfnode.agent.runtime;
    exports io.serfnode.agent.serf.rpc;
    exports io.serfnode.agent.runtime.process;
    exports io.serfnode.agent.supervisor;
    exports io.serfnode.agent.cluster;

    opens io.serfnode.agent.cli to info.picocli;
    // Jackson builds the cluster payload records reflectively
    opens io.serfnode.agent.cluster to com.fasterxml.jackson.databind;
}

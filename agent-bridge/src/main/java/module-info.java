/** The serfnode agent: Serf RPC client, serf process manager and the member agent. */
module io.serfnode.agent {
    requires io.serfnode.model;
    requires msgpack.core; // automatic module, named after its jar
    requires info.picocli;

    exports io.serfnode.agent.cli;
    exports io.serfnode.agent.support;
    exports io.serfnode.agent.child;
    exports io.serfnode.agent.devif;
    exports io.serfnode.agent.runtime;
    exports io.serfnode.agent.serf.rpc;

    opens io.serfnode.agent.cli to info.picocli;
}

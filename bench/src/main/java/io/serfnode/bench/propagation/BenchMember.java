package io.serfnode.bench.propagation;

import io.serfnode.agent.serf.process.SerfAgentProcess;
import io.serfnode.agent.serf.rpc.SerfRpcClient;
import io.serfnode.agent.serf.rpc.SerfStream;

/** One serf agent of the study, with the RPC client and the stream that stamps what it sees. */
record BenchMember(String name, SerfAgentProcess process, SerfRpcClient rpc, SerfStream stream) {

    /** Closes the stream and the client; the process is the cluster's to end. */
    void disconnect() {
        stream.close();
        rpc.close();
    }
}

package io.serfnode.agent.cli;

import io.serfnode.model.ProtocolVersion;
import picocli.CommandLine;

/** Reports the build's version and the protocol it speaks. */
final class SerfnodeVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = SerfnodeVersion.class.getPackage().getImplementationVersion();
        return new String[] {
            "serfnode " + (version == null ? "(development build)" : version),
            "protocol " + ProtocolVersion.CURRENT
        };
    }
}

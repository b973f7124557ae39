package io.serfnode.agent.cli;

import io.serfnode.agent.serf.process.SerfAddress;
import picocli.CommandLine;

/** Reads {@code host:port} (or {@code [v6]:port}); a bare host gets serf's gossip port 7946. */
final class SerfAddressConverter implements CommandLine.ITypeConverter<SerfAddress> {
    static final int SERF_GOSSIP_PORT = 7946;

    @Override
    public SerfAddress convert(String value) {
        String text = value.strip();
        boolean bareHost = !text.contains(":") || (text.startsWith("[") && text.endsWith("]"));
        try {
            return SerfAddress.parse(bareHost ? text + ":" + SERF_GOSSIP_PORT : text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}

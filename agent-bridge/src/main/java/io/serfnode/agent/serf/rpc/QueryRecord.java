package io.serfnode.agent.serf.rpc;

import java.util.Objects;

/** One record streamed back for a query this client started. */
public sealed interface QueryRecord {

    /** The named node received the query (only when the query requested acks). */
    record Ack(String from) implements QueryRecord {
        public Ack {
            Objects.requireNonNull(from, "from");
        }
    }

    /** The named node answered; {@code payload} is its answer byte for byte ({@code null} for nil). */
    record Response(String from, byte[] payload) implements QueryRecord {
        public Response {
            Objects.requireNonNull(from, "from");
        }
    }

    /** The query's timeout passed; nothing more will come. */
    record Done() implements QueryRecord {
    }
}

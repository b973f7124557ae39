package io.serfnode.agent.api;

import io.serfnode.model.Payload;
import java.util.Objects;

/** A partial answer to a command, before its result. */
public sealed interface CommandProgress {

    /** The command's id. */
    String id();

    /** A member acknowledged a query. */
    record QueryAck(String id, String from) implements CommandProgress {
        public QueryAck {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(from, "from");
        }
    }

    /** A member answered a query. */
    record QueryResponse(String id, String from, Payload payload) implements CommandProgress {
        public QueryResponse {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(payload, "payload");
        }
    }

    /** A step of a longer command (e.g. a spawn: requested, created, joined). */
    record Step(String id, String step, String detail) implements CommandProgress {
        public Step {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(step, "step");
        }
    }
}

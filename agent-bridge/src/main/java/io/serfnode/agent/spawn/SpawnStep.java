package io.serfnode.agent.spawn;

import java.util.Objects;

/** What happened to one member of a spawn. */
public sealed interface SpawnStep {

    /** The new member's name. */
    String member();

    /** The member was created (its process or container started); {@code detail} says where. */
    record Created(SpawnedMember spawned, String detail) implements SpawnStep {
        public Created {
            Objects.requireNonNull(spawned, "spawned");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String member() {
            return spawned.name();
        }
    }

    /** The member ended; {@code reason} says how, with the end of its log when there is one. */
    record Ended(String member, String reason) implements SpawnStep {
        public Ended {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(reason, "reason");
        }
    }
}

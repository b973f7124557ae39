package io.serfnode.agent.api;

import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.spawn.SpawnService;
import io.serfnode.agent.supervisor.Supervisor;
import io.serfnode.model.Member;
import java.util.List;
import java.util.Optional;

/** The member a command service runs in: what commands act on locally. */
public interface LocalMember {

    String name();

    /** This member's children. */
    Supervisor supervisor();

    /** The current client of this member's serf agent. */
    SerfRpc rpc();

    /** Every member this member knows. */
    List<Member> members();

    /**
     * Leaves the cluster gracefully and stops, soon but not on the calling thread, so that the command's
     * answer can still be sent.
     */
    void leaveSoon();

    /** How this member spawns new members; empty when it cannot. */
    default Optional<SpawnService> spawning() {
        return Optional.empty();
    }
}

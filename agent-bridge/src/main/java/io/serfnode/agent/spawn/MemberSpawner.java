package io.serfnode.agent.spawn;

import io.serfnode.model.RuntimeKind;
import java.util.List;

/**
 * Starts new members on behalf of one member (the spawner) and owns them: when the spawner closes, every member
 * it started and that still runs is stopped (gracefully first). One implementation per runtime: {@link
 * ProcessMemberSpawner} starts agent processes on this host; a Docker spawner would start member containers.
 */
public interface MemberSpawner extends AutoCloseable {

    /** How the members this spawner starts run. */
    RuntimeKind runtime();

    /**
     * Starts the members of {@code plan}, one per name, and reports on {@code callback}: {@code onStart} with a
     * handle that ends the reporting (the members keep running), one {@link SpawnStep.Created} per member as it
     * is created, {@link SpawnStep.Ended} for a member that ends while the report is open, then {@code
     * onComplete} once the handle is closed. {@code onError} when creating a member failed: members created
     * before that keep running and are still owned. Returns once every member is created or creating one failed.
     */
    void spawn(SpawnPlan plan, SpawnCallback callback) throws InterruptedException;

    /** The members this spawner started that still run. */
    List<SpawnedMember> running();

    /** Stops every member this spawner started: a graceful stop, then by pid (or container) after a grace time. */
    @Override
    void close();
}

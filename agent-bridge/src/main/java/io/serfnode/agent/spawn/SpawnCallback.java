package io.serfnode.agent.spawn;

import java.io.Closeable;

/** Receives the report of one spawn, as {@link MemberSpawner#spawn} describes. */
public interface SpawnCallback {

    /** The spawn began; closing {@code report} ends the report (never the members). */
    default void onStart(Closeable report) {
    }

    void onNext(SpawnStep step);

    void onError(Throwable error);

    /** The report ended (its handle was closed). */
    default void onComplete() {
    }
}
